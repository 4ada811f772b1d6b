using System.Text;
using static ClipHost.Reports.DataReportHtml;

namespace ClipHost.Reports;

/// <summary>
/// A generated results page: its body (the same HTML in the dashboard's layout and in a static file), the figures
/// it shows, and the key its figures are addressed under.
/// </summary>
public sealed record ResultsPage(string Key, string Title, string Body, IReadOnlyList<ResultsFigure> Figures)
{
    /// <summary>The figure by name, or null (a name from a URL that no figure has).</summary>
    public ResultsFigure? Figure(string name) => Figures.FirstOrDefault(f => f.Name == name);

    /// <summary>The page as a file of its own: the style and the little script inline, nothing fetched from elsewhere.</summary>
    public string Document()
    {
        var html = new StringBuilder();
        html.Line("<!DOCTYPE html>");
        html.Line($"<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{Escape(Title)}</title><style>body {{ font-family: system-ui, sans-serif; margin: 1.5rem auto; max-width: 1400px; padding: 0 1rem; color: #222; }}{ResultsHtml.Style}</style></head><body>");
        html.Line(Body);
        html.Line($"<script>{ResultsHtml.Script}</script></body></html>");
        return html.ToString();
    }
}
