using System.Globalization;
using System.Text;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Filtering;
using static ClipHost.Reports.DataReportHtml;

namespace ClipHost.Reports;

/// <summary>
/// The report's cards: a pair's thumbnail, caption, score, reason and id, or a note where the id is not in the store.
/// Collects the ids whose thumbnails the page shows.
/// </summary>
internal sealed class DataReportCards(ClipStore store)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly HashSet<int> _thumbnails = [];

    public IReadOnlySet<int> Thumbnails => _thumbnails;

    public bool InStore(int id) => id >= 0 && id < store.Count;

    /// <param name="reasons">Whether cards repeat the drop reason (pointless when the step has only one, shown in its table).</param>
    public void Write(StringBuilder html, IReadOnlyList<FilterDecision> decisions, string id, string kind, bool mini = false, bool reasons = true)
    {
        html.Line($"<div class=\"cards {kind}\" id=\"{id}\">");
        foreach (var d in decisions)
        {
            var state = d.Kept ? "kept" : "dropped";
            var scoreText = d.Score is { } s ? $"<span class=\"score\">{(mini ? string.Empty : "score ")}{DataReportStep.FormatScore(s)}</span>" : string.Empty;
            if (!InStore(d.Id))
            {
                html.Line($"<figure class=\"card {state} missing\" data-id=\"{d.Id}\"><figcaption><span class=\"cap\">id {d.Id} is not in the store ({Count(store.Count)} pairs)</span>{scoreText}</figcaption></figure>");
                continue;
            }
            _thumbnails.Add(d.Id);
            var sample = store.Samples[d.Id];
            var caption = sample.Captions.Count > 0 ? sample.Captions[0] : string.Empty;
            var img = $"<img src=\"{DataReport.Thumbnail(d.Id)}\" alt=\"{Escape(Shorten(caption, 80))}\" title=\"{Escape(caption)}\">";
            var reason = d.Reason is { } r && reasons && !mini ? $"<span class=\"reason\">{Escape(r)}</span>" : string.Empty;
            var text = mini ? Shorten(caption, 40) : Shorten(caption);
            var scoreAttribute = d.Score is { } v ? $" data-score=\"{v.ToString("R", Inv)}\"" : string.Empty;
            html.Line($"<figure class=\"card {state}\" data-id=\"{d.Id}\"{scoreAttribute}>{img}<figcaption><span class=\"cap\">{Escape(text)}</span>{scoreText}{reason}<span class=\"id\">#{d.Id} · {Escape(sample.Split)}</span></figcaption></figure>");
        }
        html.Line("</div>");
    }
}
