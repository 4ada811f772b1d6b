using System.Globalization;
using System.Net;

namespace ClipHost.Reports;

/// <summary>The report page's building blocks: escaping, number formats and the inline style sheet (no scripts).</summary>
public static class DataReportHtml
{
    /// <summary>Escapes text for an element or a quoted attribute: &lt; &gt; &amp; " and ' all become entities.</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>Appends one line of HTML (always '\n', so the page is the same on every OS).</summary>
    public static void Line(this System.Text.StringBuilder html, string text) => html.Append(text).Append('\n');

    public static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Shortens a caption for a card; the whole caption stays in the card's title.</summary>
    public static string Shorten(string text, int max = 160) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    public const string Style = """
        body { font-family: system-ui, sans-serif; margin: 1.5rem auto; max-width: 1400px; padding: 0 1rem; color: #222; }
        h1 { margin-bottom: .3rem; } h2 { border-bottom: 2px solid #ddd; padding-bottom: .2rem; margin-top: 2.2rem; }
        h2 small, h3 small { font-weight: normal; color: #666; font-size: .75em; }
        .headline { font-size: 1.4rem; margin: .3rem 0 1rem; }
        .warning { background: #fde2e1; border: 3px solid #c00; color: #800; padding: .8rem 1rem; font-size: 1.15rem; font-weight: bold; margin: 1rem 0; }
        .note { background: #fff6d6; border: 1px solid #d9b300; padding: .5rem .8rem; margin: .5rem 0; }
        dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
        dl.meta dt { color: #666; } dl.meta dd { margin: 0; }
        nav { margin: 1rem 0; } nav a { margin-right: 1rem; }
        table { border-collapse: collapse; margin: .5rem 0; }
        th, td { border: 1px solid #ccc; padding: .25rem .55rem; text-align: left; vertical-align: top; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        code { font-size: .85em; overflow-wrap: anywhere; }
        .glance { border-left: 4px solid #d62728; padding: .2rem 0 .4rem 1rem; margin: 1rem 0; }
        .glance h3 { margin: .2rem 0; }
        .chips span { display: inline-block; background: #fbe3e3; border-radius: 1rem; padding: .05rem .6rem; margin: .15rem; font-size: .9rem; }
        .plots { display: flex; flex-wrap: wrap; gap: 1rem; }
        img.plot { max-width: 100%; height: auto; border: 1px solid #eee; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: .6rem; margin: .5rem 0 1.2rem; }
        .cards.strip { grid-template-columns: repeat(auto-fill, minmax(100px, 1fr)); }
        .card { margin: 0; border: 3px solid #ccc; border-radius: 6px; padding: .4rem; font-size: .8rem; background: #fff; }
        .card.kept { border-color: #2ca02c; } .card.dropped { border-color: #d62728; }
        .card img { display: block; margin: 0 auto .35rem; max-width: 100%; height: auto; image-rendering: pixelated; background: #f4f4f4; }
        .card .cap { display: block; overflow-wrap: anywhere; }
        .card .score { display: block; font-weight: bold; }
        .card .reason { display: block; color: #a00; overflow-wrap: anywhere; }
        .card .id { display: block; color: #777; }
        .card.missing { border-style: dashed; }
        """;
}
