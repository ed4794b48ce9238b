import NIOCore
import NIOHTTPTypes

/// A handler in each connection's pipeline between the HTTP codec and Hummingbird: request parts
/// in and on, response parts out and on, answering some requests itself (`ConnectionGuard`,
/// `CachedPageResponder`).
protocol HTTPPartsHandler: ChannelDuplexHandler, RemovableChannelHandler
where InboundIn == HTTPRequestPart, InboundOut == HTTPRequestPart,
    OutboundIn == HTTPResponsePart, OutboundOut == HTTPResponsePart {}
