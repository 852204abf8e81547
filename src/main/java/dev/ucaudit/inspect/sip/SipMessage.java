package dev.ucaudit.inspect.sip;

/**
 * The parts of one SIP message the inspector uses.
 *
 * @param method request method, or null for a response
 * @param status response status code, or 0 for a request
 * @param cseqMethod method named in CSeq (for responses: what they answer), or null
 * @param callId Call-ID / i: value, or null
 * @param contentType Content-Type / c: value (lower case), or null
 * @param bodyOffset offset of the body in the framed buffer
 * @param bodyLength body length (0 when none)
 */
public record SipMessage(String method, int status, String cseqMethod, String callId, String contentType,
        int bodyOffset, int bodyLength) {
    public boolean isRequest() {
        return method != null;
    }
}
