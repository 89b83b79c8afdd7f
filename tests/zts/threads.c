/*
 * A threaded PHP host for php-tests/700: PHP's embed SAPI (a ZTS build) runs one PHP script in N
 * threads at once, each thread its own request, as a threaded web server (Apache's event MPM,
 * FrankenPHP) does. The script steps the threads in lock-step through zts_barrier(), so what
 * one thread does (ini_set, session_start) happens at a known point of the other's request: the
 * output is deterministic.
 *
 *   threads N script.php        (php.ini from $PHPRC, as with any SAPI)
 *
 * PHP functions the script gets (module "zts_test"):
 *   zts_thread(): int     this thread's number, 0..N-1
 *   zts_barrier(): bool   waits until every thread has called it (pthread_barrier_wait)
 * Exit status: 0, or 1 when a request could not start or a thread failed.
 */
#define _GNU_SOURCE /* as PHP itself is built: its headers use GNU extensions (memrchr) */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include <sapi/embed/php_embed.h>

#ifndef ZTS
#error "threads.c needs a thread-safe (ZTS) PHP"
#endif

static pthread_barrier_t barrier;
static __thread zend_long thread_number = -1;

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_zts_thread, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_zts_barrier, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_FUNCTION(zts_thread)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_LONG(thread_number);
}

ZEND_FUNCTION(zts_barrier)
{
	ZEND_PARSE_PARAMETERS_NONE();
	int rc = pthread_barrier_wait(&barrier);
	RETURN_BOOL(rc == 0 || rc == PTHREAD_BARRIER_SERIAL_THREAD);
}

static const zend_function_entry zts_test_functions[] = {
	ZEND_FE(zts_thread, arginfo_zts_thread)
	ZEND_FE(zts_barrier, arginfo_zts_barrier)
	ZEND_FE_END
};

static zend_module_entry zts_test_module = {
	STANDARD_MODULE_HEADER,
	"zts_test",
	zts_test_functions,
	NULL, NULL, NULL, NULL, NULL,
	"1.0",
	STANDARD_MODULE_PROPERTIES
};

/* The embed SAPI's startup, plus the zts_test module. */
static zend_result startup_with_test_module(sapi_module_struct *sapi)
{
#if PHP_VERSION_ID >= 80200
	return php_module_startup(sapi, &zts_test_module);
#else
	return php_module_startup(sapi, &zts_test_module, 1);
#endif
}

struct job {
	int number;
	const char *script;
	int failed;
};

static void *run_request(void *arg)
{
	struct job *job = arg;

	/* this thread's copy of every module's globals and of the ini table */
	(void)ts_resource(0);
	thread_number = job->number;

	SG(options) |= SAPI_OPTION_NO_CHDIR;
	if (php_request_startup() == FAILURE) {
		fprintf(stderr, "thread %d: php_request_startup failed\n", job->number);
		job->failed = 1;
	} else {
		SG(headers_sent) = 1;
		SG(request_info).no_headers = 1;
		zend_first_try {
			zend_file_handle fh;
			zend_stream_init_filename(&fh, job->script);
			php_execute_script(&fh);
			zend_destroy_file_handle(&fh);
		} zend_end_try();
		php_request_shutdown(NULL);
	}
	ts_free_thread();
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc != 3 || atoi(argv[1]) < 1 || atoi(argv[1]) > 16) {
		fprintf(stderr, "usage: %s THREADS script.php\n", argv[0]);
		return 2;
	}
	int n = atoi(argv[1]);
	pthread_t threads[16];
	struct job jobs[16];

	php_embed_module.startup = startup_with_test_module;
	char *php_argv[] = { argv[0], NULL };
	if (php_embed_init(1, php_argv) == FAILURE) {
		fprintf(stderr, "php_embed_init failed\n");
		return 1;
	}
	pthread_barrier_init(&barrier, NULL, (unsigned)n);

	int failed = 0;
	for (int i = 0; i < n; i++) {
		jobs[i] = (struct job){ .number = i, .script = argv[2], .failed = 0 };
		if (pthread_create(&threads[i], NULL, run_request, &jobs[i]) != 0) {
			fprintf(stderr, "pthread_create failed\n");
			return 1; /* the started threads would wait at the barrier forever: exit */
		}
	}
	for (int i = 0; i < n; i++) {
		pthread_join(threads[i], NULL);
		failed |= jobs[i].failed;
	}
	pthread_barrier_destroy(&barrier);
	php_embed_shutdown();
	return failed;
}
