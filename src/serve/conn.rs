//! The preview's connections: one thread waits for every connection's next
//! request, a small pool of workers answers them.
//!
//! A thread per connection lets 600 slow clients (each sending a byte now and
//! then) take 600 threads and starve the editor's browser. Here a waiting
//! connection costs a socket and a buffer: the reader polls them all without
//! blocking, hands each complete request head to the [`WORKERS`], and drops
//! a connection whose request does not arrive in time ([`IDLE`] before its
//! first byte, [`HEAD_DEADLINE`] for the rest of its head) or, beyond
//! [`MAX_WAITING`], the one that has waited longest. A worker writes its
//! answer within [`RESPONSE_DEADLINE`] in all, then gives a kept-alive
//! connection back to the reader.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::sync::mpsc::{Receiver, Sender};
use std::thread;
use std::time::{Duration, Instant};

use super::http::{self, Request, RequestError};

/// Threads answering requests: enough for a browser's six connections.
pub const WORKERS: usize = 6;

/// Connections waiting for a request, at most; the longest waiting goes first.
pub const MAX_WAITING: usize = 1024;

/// How long a connection may wait before the first byte of a request.
pub const IDLE: Duration = Duration::from_secs(15);

/// How long the rest of a request head may take once it has begun.
pub const HEAD_DEADLINE: Duration = Duration::from_secs(5);

/// How long writing one answer may take in all.
pub const RESPONSE_DEADLINE: Duration = Duration::from_secs(10);

/// The reader's pause when no connection had anything new.
const POLL: Duration = Duration::from_millis(5);

/// A connection waiting for its next request.
pub struct Waiting {
    stream: TcpStream,
    /// Bytes of the request head read so far.
    head: Vec<u8>,
    deadline: Instant,
}

impl Waiting {
    /// A connection (new, or kept alive after an answer) holding the bytes
    /// already read of its next request.
    pub fn new(stream: TcpStream, head: Vec<u8>) -> Option<Waiting> {
        stream.set_nonblocking(true).ok()?;
        let _ = stream.set_nodelay(true);
        Some(Waiting {
            stream,
            head,
            deadline: Instant::now() + IDLE,
        })
    }

    /// Reads what has arrived, without waiting.
    fn poll(&mut self) -> Polled {
        let mut chunk = [0u8; 4096];
        loop {
            match self.stream.read(&mut chunk) {
                Ok(0) => return Polled::Closed,
                Ok(n) => {
                    if self.head.is_empty() {
                        self.deadline = self.deadline.min(Instant::now() + HEAD_DEADLINE);
                    }
                    self.head.extend_from_slice(&chunk[..n]);
                    if let Some(end) = head_end(&self.head) {
                        let rest = self.head.split_off(end);
                        return Polled::Head(std::mem::replace(&mut self.head, rest));
                    }
                    if self.head.len() > http::MAX_HEAD {
                        return Polled::Head(std::mem::take(&mut self.head));
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                    return if Instant::now() > self.deadline {
                        Polled::Closed
                    } else {
                        Polled::Waiting
                    };
                }
                Err(_) => return Polled::Closed,
            }
        }
    }
}

enum Polled {
    Waiting,
    Closed,
    /// A complete head (or the first bytes of one too large to be).
    Head(Vec<u8>),
}

/// The end of the first request head in `bytes` (after its blank line).
fn head_end(bytes: &[u8]) -> Option<usize> {
    let crlf = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| i + 4);
    let lf = bytes.windows(2).position(|w| w == b"\n\n").map(|i| i + 2);
    crlf.into_iter().chain(lf).min()
}

/// A request read by the reader, for a worker to answer.
pub struct Job {
    /// Blocking again, for the worker.
    pub stream: TcpStream,
    pub request: Result<Request, RequestError>,
    /// Bytes that came after the head: the start of the next request.
    pub rest: Vec<u8>,
}

/// The reader: waits for requests on every connection that `arrivals`
/// brings (new ones and those given back by workers) and sends each to
/// `jobs`. Returns when both channels are closed.
pub fn read_requests(arrivals: &Receiver<Waiting>, jobs: &Sender<Job>) {
    let mut waiting: Vec<Waiting> = Vec::new();
    loop {
        if waiting.is_empty() {
            match arrivals.recv() {
                Ok(connection) => waiting.push(connection),
                Err(_) => return,
            }
        }
        waiting.extend(arrivals.try_iter());
        if waiting.len() > MAX_WAITING {
            waiting.drain(..waiting.len() - MAX_WAITING);
        }
        let mut progressed = false;
        let mut still = Vec::with_capacity(waiting.len());
        for mut connection in waiting.drain(..) {
            match connection.poll() {
                Polled::Waiting => still.push(connection),
                Polled::Closed => progressed = true,
                Polled::Head(head) => {
                    progressed = true;
                    if connection.stream.set_nonblocking(false).is_err() {
                        continue;
                    }
                    let job = Job {
                        request: http::read_request(&mut head.as_slice())
                            .and_then(|r| r.ok_or(RequestError::Malformed)),
                        stream: connection.stream,
                        rest: connection.head,
                    };
                    if jobs.send(job).is_err() {
                        return;
                    }
                }
            }
        }
        waiting = still;
        if !progressed {
            thread::sleep(POLL);
        }
    }
}

/// Writes to a connection within one deadline for the whole answer (a
/// client reading a byte at a time cannot hold a worker longer).
pub struct DeadlineWriter<'a> {
    stream: &'a TcpStream,
    deadline: Instant,
}

impl DeadlineWriter<'_> {
    pub fn new(stream: &TcpStream) -> DeadlineWriter<'_> {
        DeadlineWriter {
            stream,
            deadline: Instant::now() + RESPONSE_DEADLINE,
        }
    }
}

impl Write for DeadlineWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(io::ErrorKind::TimedOut.into());
        }
        self.stream.set_write_timeout(Some(left))?;
        let mut stream = self.stream;
        stream.write(&buf[..buf.len().min(64 * 1024)])
    }

    fn flush(&mut self) -> io::Result<()> {
        let mut stream = self.stream;
        stream.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_head_ends_at_its_blank_line() {
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: a\r\n\r\nGET"), Some(27));
        assert_eq!(head_end(b"GET / HTTP/1.1\nHost: a\n\n"), Some(24));
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: a\r\n"), None);
    }
}
