//! 1000 gets with one client (argv[1] = ours|meta|ascii|binary) against
//! memcached on 127.0.0.1:21242 (started by the caller); run under
//! `strace -f -c` to count syscalls per get.
use std::time::Duration;
use php_memcache::wire::{execute, Batch, Conn, Endpoint};
fn main() {
    let which = std::env::args().nth(1).unwrap();
    let n = 1000;
    match which.as_str() {
        "ours" => {
            let mut c = Conn::connect(
                &Endpoint::Tcp {
                    host: "127.0.0.1".into(),
                    port: 21242,
                },
                Duration::from_secs(1),
            )
            .unwrap();
            let mut b = Batch::new();
            b.get(b"sess").unwrap();
            for _ in 0..n {
                execute(&mut c, &b).unwrap();
            }
        }
        "meta" => {
            let c = memcache::exp::MetaClient::connect("127.0.0.1:21242").unwrap();
            for _ in 0..n {
                c.get("sess").send().unwrap();
            }
        }
        p => {
            let q = if p == "ascii" {
                "?protocol=ascii&tcp_nodelay=true"
            } else {
                "?tcp_nodelay=true"
            };
            let c = memcache::Client::connect(format!("memcache://127.0.0.1:21242{q}")).unwrap();
            for _ in 0..n {
                let _: Option<Vec<u8>> = c.get("sess").unwrap();
            }
        }
    }
}
