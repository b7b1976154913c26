package dev.vizgate.app.http;

import org.eclipse.jetty.server.Request;

/** One route of the gateway: a request in, a reply out (never an exception for a client's mistake). */
interface Route {
    Reply answer(Request request);
}
