package dev.ucaudit.text;

/** Replacing a token (a port, an address) in a sentence only where it stands alone, not inside a longer number or address. */
public final class Tokens {
    private Tokens() {
    }

    /** Replaces {@code token} where it is not part of a longer number or address. */
    public static String replace(String text, String token, String by) {
        if (token.isEmpty() || !text.contains(token)) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        int from = 0;
        for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + token.length())) {
            int end = at + token.length();
            boolean startsToken = at == 0 || !partOfToken(text.charAt(at - 1));
            boolean endsToken = end == text.length() || !partOfToken(text.charAt(end));
            if (startsToken && endsToken) {
                b.append(text, from, at).append(by);
                from = end;
            }
        }
        return b.append(text, from, text.length()).toString();
    }

    private static boolean partOfToken(char c) {
        return Character.isLetterOrDigit(c) || c == ':';
    }
}
