package dev.ucaudit.report;

import java.util.Locale;

/**
 * What report.html and diff.html share: the style sheet, the few lines of script that make tables
 * sortable and filterable (the page reads the same without it), escaping and byte units.
 */
public final class HtmlPage {
    /** Layout that fits a 900 px window: long values wrap between tokens, times and ids never inside. */
    public static final String CSS = "*{box-sizing:border-box}\n"
            + "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:16px auto;max-width:1280px;padding:0 12px;color:#1d232a}\n"
            + "h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}\n"
            + ".muted{color:#57606a}.cards{display:flex;flex-wrap:wrap;gap:8px;margin:12px 0}\n"
            + ".card{border:1px solid #d0d7de;border-radius:6px;padding:6px 12px;min-width:110px}.card b{display:block;font-size:20px}\n"
            + ".bad{color:#b42318}.good{color:#1a7f37}.unknown{color:#9a6700}.warn{background:#fff8c5;border:1px solid #d4a72c;padding:8px 12px;border-radius:6px}\n"
            + "table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #eaeef2;padding:4px 6px;"
            + "text-align:left;vertical-align:top;overflow-wrap:break-word}\n"
            + "th{background:#f6f8fa;overflow-wrap:normal}td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
            + ".nw,td.n,td.t{white-space:nowrap;overflow-wrap:normal}code{font-size:12px}td.r{min-width:11em;overflow-wrap:anywhere}p code{overflow-wrap:anywhere}\n"
            + ".badge{border-radius:10px;padding:1px 8px;font-size:12px;white-space:nowrap}.badge.nc{background:#ffebe9;color:#b42318}"
            + ".badge.c{background:#dafbe1;color:#1a7f37}.badge.po{background:#fff8c5;color:#9a6700}\n"
            + "details>summary{cursor:pointer;font-weight:600;margin:6px 0}\n"
            + ".js .sortable th{cursor:pointer;user-select:none}.js .sortable th:after{content:' \\2195';color:#8c959f;font-weight:400}"
            + ".js .sortable th[aria-sort=ascending]:after{content:' \\25B2'}.js .sortable th[aria-sort=descending]:after{content:' \\25BC'}\n"
            + "input.filter{margin:4px 0;padding:3px 6px;font:inherit;width:16em;max-width:100%}\n"
            + ".chart{max-width:100%;height:auto}\n";

    /**
     * Tables of class {@code sortable} get a filter box and sort on a header click; a cell's
     * {@code data-v} (the exact number) sorts before its text.
     */
    public static final String SCRIPT = "<script>\n"
            + "document.documentElement.className+=' js';\n"
            + "function ucKey(c){var v=c.getAttribute('data-v');return v===null?c.textContent.trim().toLowerCase():+v;}\n"
            + "document.querySelectorAll('table.sortable').forEach(function(t){\n"
            + " var body=t.tBodies[0],head=t.tHead.rows[0],f=document.createElement('input');\n"
            + " f.type='search';f.className='filter';f.placeholder='filter rows';f.setAttribute('aria-label','filter rows');\n"
            + " t.parentNode.insertBefore(f,t);\n"
            + " f.addEventListener('input',function(){var q=f.value.trim().toLowerCase();\n"
            + "  Array.prototype.forEach.call(body.rows,function(r){r.hidden=q!==''&&r.textContent.toLowerCase().indexOf(q)<0;});});\n"
            + " Array.prototype.forEach.call(head.cells,function(th,i){th.addEventListener('click',function(){\n"
            + "  var asc=th.getAttribute('aria-sort')!=='ascending';\n"
            + "  Array.prototype.forEach.call(head.cells,function(c){c.removeAttribute('aria-sort');});\n"
            + "  th.setAttribute('aria-sort',asc?'ascending':'descending');\n"
            + "  var rows=Array.prototype.slice.call(body.rows);\n"
            + "  rows.sort(function(a,b){var x=ucKey(a.cells[i]),y=ucKey(b.cells[i]);return (x<y?-1:x>y?1:0)*(asc?1:-1);});\n"
            + "  rows.forEach(function(r){body.appendChild(r);});});});\n"
            + "});\n</script>\n";

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private HtmlPage() {
    }

    /** The page's head: charset, viewport, title and the shared style sheet plus {@code extraCss}. */
    public static String head(String title, String extraCss) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n<title>" + esc(title)
                + "</title>\n<style>\n" + CSS + extraCss + "</style></head><body>\n";
    }

    /** Bytes in binary units ({@code 1.4 MiB}); below 1 KiB exact ({@code 854 B}). */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        double v = n;
        int unit = 0;
        while (v >= 1024 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, UNITS[unit]);
    }

    /** A numeric table cell showing {@code bytes} in units, the exact count on hover, sorting by the exact count. */
    public static String bytesCell(long n) {
        return "<td class=\"n\" data-v=\"" + n + "\" title=\"" + HtmlReport.fmt(n) + " bytes\">" + bytes(n) + "</td>";
    }

    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
