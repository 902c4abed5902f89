//! The emulator's own TCP listener, whose connections the fault injection can cut before the
//! first byte of an answer: the write is performed, then the connection closes with nothing
//! written. That is the dangerous case for a client, because a browser re-sends a request
//! whose reused connection closed without any answer, on a new connection, even a POST.
//!
//! Each connection carries a `Cut` switch, handed to the request with the peer's address as
//! `ConnectInfo<Peer>`; once it is thrown, every write to the socket fails, so hyper closes it
//! without sending anything. The address is what the test interface trusts (`control_guard`),
//! never the `Host` header the caller writes.
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::extract::connect_info::Connected;
use axum::serve::{IncomingStream, Listener};
use axum::Router;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};

/// The switch of one connection.
#[derive(Debug, Clone, Default)]
pub struct Cut(Arc<AtomicBool>);

impl Cut {
    /// From now on nothing more is written on this connection, which then closes.
    pub fn now(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    fn is_cut(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

pub struct CuttableListener(pub TcpListener);

pub struct CuttableStream {
    inner: TcpStream,
    cut: Cut,
}

impl Listener for CuttableListener {
    type Io = CuttableStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        let (inner, addr) = Listener::accept(&mut self.0).await;
        let cut = Cut::default();
        (CuttableStream { inner, cut }, addr)
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        self.0.local_addr()
    }
}

/// What a request knows of its connection: who is at the other end, and the connection's switch.
#[derive(Debug, Clone)]
pub struct Peer {
    pub addr: SocketAddr,
    pub cut: Cut,
}

impl Peer {
    /// A connection from `addr` (tests hand one to a request that has no socket).
    pub fn new(addr: SocketAddr) -> Self {
        Self {
            addr,
            cut: Cut::default(),
        }
    }
}

impl Connected<IncomingStream<'_, CuttableListener>> for Peer {
    fn connect_info(stream: IncomingStream<'_, CuttableListener>) -> Self {
        Self {
            addr: *stream.remote_addr(),
            cut: stream.io().cut.clone(),
        }
    }
}

fn cut_error() -> io::Error {
    io::Error::new(io::ErrorKind::ConnectionAborted, "cut by fault injection")
}

impl AsyncRead for CuttableStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl AsyncWrite for CuttableStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        if self.cut.is_cut() {
            return Poll::Ready(Err(cut_error()));
        }
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if self.cut.is_cut() {
            return Poll::Ready(Err(cut_error()));
        }
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// Serves `router` on `listener` until `shutdown` resolves, with cuttable connections.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    axum::serve(
        CuttableListener(listener),
        router.into_make_service_with_connect_info::<Peer>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}
