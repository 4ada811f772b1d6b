using System.Text;
using static ClipHost.Reports.DataReportHtml;

namespace ClipHost.Reports;

/// <summary>
/// What the results pages share: figure blocks with their downloads, definition lists, the style beyond the data
/// report's, and one small inline script (filter, sort, group by seed, metric choice) that needs nothing from a CDN.
/// </summary>
public static class ResultsHtml
{
    /// <summary>A figure: the PNG, and the PNG, SVG and CSV to download.</summary>
    public static void Figure(StringBuilder html, ResultsLinks links, string page, ResultsFigure figure)
    {
        var downloads = string.Join(" · ", ResultsFigure.Formats.Select(f =>
            $"<a class=\"download\" href=\"{Escape(links.Figure(page, figure.Name, f))}\" download>{f.ToUpperInvariant()}</a>"));
        html.Line($"<figure class=\"figure\" id=\"figure-{Escape(figure.Name)}\"><img class=\"plot\" src=\"{Escape(links.Figure(page, figure.Name, "png"))}\" "
            + $"width=\"{ResultsFigure.Width}\" height=\"{ResultsFigure.Height}\" alt=\"{Escape(figure.Title)}\"><figcaption>{Escape(figure.Title)}: {downloads}</figcaption></figure>");
    }

    public static void Meta(StringBuilder html, IEnumerable<(string Term, string Html)> rows)
    {
        html.Line("<dl class=\"meta\">");
        foreach (var (term, value) in rows)
        {
            html.Line($"<dt>{Escape(term)}</dt><dd>{value}</dd>");
        }
        html.Line("</dl>");
    }

    /// <summary>A lowercase name for a figure from a metric's column ("colours top-1" → "colours-top-1").</summary>
    public static string Slug(string text) =>
        string.Join('-', new string([.. text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')]).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public const string Style = """
        .results [hidden] { display: none !important; }
        .results table { border-collapse: collapse; margin: .5rem 0; }
        .results th, .results td { border: 1px solid #ccc; padding: .25rem .55rem; text-align: left; vertical-align: top; }
        .results td.n, .results th.n { text-align: right; font-variant-numeric: tabular-nums; }
        .results dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
        .results dl.meta dt { color: #666; } .results dl.meta dd { margin: 0; }
        .results .plots { display: flex; flex-wrap: wrap; gap: 1rem; } .results img.plot { max-width: 100%; height: auto; border: 1px solid #eee; }
        .results nav a { margin-right: 1rem; } .results .warning { background: #fde2e1; border: 2px solid #c00; padding: .5rem; }
        .results table th[data-sort] { cursor: pointer; white-space: nowrap; }
        .results table th[data-dir=asc]::after { content: " ▲"; } .results table th[data-dir=desc]::after { content: " ▼"; }
        .results tr.group td { background: #eef4fb; font-weight: bold; }
        .results figure.figure { margin: 0 0 1rem; } .results figcaption { font-size: .85rem; color: #555; }
        .results pre { background: #f6f6f6; padding: .6rem; overflow: auto; max-height: 40rem; font-size: .8rem; }
        .results .controls { margin: .5rem 0; } .results .controls > * { margin-right: 1rem; }
        """;

    public const string Script = """
        (() => {
          const table = document.getElementById('runs');
          const filter = document.getElementById('filter');
          const group = document.getElementById('group-by-seed');
          if (table && filter && group) {
            const body = table.tBodies[0];
            const apply = () => {
              const text = filter.value.toLowerCase();
              for (const row of body.rows) {
                const wanted = row.classList.contains('group') === group.checked;
                row.hidden = !wanted || !row.textContent.toLowerCase().includes(text);
              }
            };
            const value = cell => cell.dataset.v ?? cell.textContent.trim();
            const compare = (a, b) => {
              const [x, y] = [value(a), value(b)];
              const [nx, ny] = [parseFloat(x), parseFloat(y)];
              return isNaN(nx) || isNaN(ny) ? x.localeCompare(y) : nx - ny;
            };
            [...table.tHead.rows[0].cells].forEach((th, i) => th.addEventListener('click', () => {
              const dir = th.dataset.dir === 'asc' ? -1 : 1;
              for (const other of table.tHead.rows[0].cells) delete other.dataset.dir;
              th.dataset.dir = dir === 1 ? 'asc' : 'desc';
              [...body.rows].sort((a, b) => compare(a.cells[i], b.cells[i]) * dir).forEach(r => body.appendChild(r));
            }));
            filter.addEventListener('input', apply);
            group.addEventListener('change', apply);
            apply();
          }
          const metric = document.getElementById('metric');
          if (metric) {
            const show = () => document.querySelectorAll('[data-metric]').forEach(s => s.hidden = s.dataset.metric !== metric.value);
            metric.addEventListener('change', show);
            show();
          }
        })();
        """;
}
