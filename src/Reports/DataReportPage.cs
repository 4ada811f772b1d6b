using System.Globalization;
using System.Text;
using System.Text.Json;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Filtering;
using static ClipHost.Reports.DataReportHtml;

namespace ClipHost.Reports;

/// <summary>
/// Renders index.html: the header and its warnings, a one-glance summary per step, the lineage table, the dataset
/// by split, then a section per filter step with its plots and cards. Every text from the data is escaped; every
/// link is relative to the report folder. Collects the ids whose thumbnails the page shows.
/// </summary>
internal sealed class DataReportPage(
    SubsetRecord subset, ClipStore store, IReadOnlyList<DataReportStep> steps, IReadOnlyList<int>? candidates)
{
    private const int StripSize = 12;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly StringBuilder _html = new();

    /// <summary>Ids of every card on the page.</summary>
    public HashSet<int> Thumbnails { get; } = [];

    public bool StoreMatches => store.ContentHash == subset.StoreContentHash;

    public string Render(DateTimeOffset written)
    {
        _html.Clear();
        Line("<!DOCTYPE html>");
        Line($"<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Data report: {Escape(subset.Name)}</title>");
        Line($"<style>{Style}</style></head><body>");
        Header(written);
        Summary();
        Lineage();
        Dataset();
        foreach (var step in steps)
        {
            Step(step);
        }
        Line($"<footer><p class=\"note\">Written {Escape(written.ToString("u", Inv))} by <code>clip-host data report</code> from <code>subset.json</code> and <code>steps/</code> next to this folder. Thumbnails are the store's images as training sees them, scaled up by a whole factor.</p></footer>");
        Line("</body></html>");
        return _html.ToString();
    }

    private void Header(DateTimeOffset written)
    {
        Line($"<header><h1>Data report: {Escape(subset.Name)}</h1>");
        if (!StoreMatches)
        {
            Line($"<div class=\"warning\" id=\"store-warning\">⚠ The store '{Escape(subset.Store)}' has changed since this subset was made (re-imported?): "
                + $"subset.json records content hash <code>{Escape(subset.StoreContentHash)}</code>, the store now has <code>{Escape(store.ContentHash)}</code>. "
                + "The ids may now point at other pairs: the images and captions below are the store's today, not what the filters saw.</div>");
        }
        if (subset.SourceCount != store.Count)
        {
            Line($"<div class=\"warning\">⚠ The subset was made from {Count(subset.SourceCount)} pairs; the store now holds {Count(store.Count)}.</div>");
        }
        Line($"<p class=\"headline\" id=\"headline\" data-source=\"{subset.SourceCount}\" data-kept=\"{subset.Ids.Count}\">{Count(subset.SourceCount)} source pairs → <strong>{Count(subset.Ids.Count)} kept</strong> ({DataReportStep.Percent(subset.Ids.Count, subset.SourceCount)})</p>");
        Line("<dl class=\"meta\">");
        Meta("store", $"{Escape(subset.Store)} ({Count(store.Count)} pairs at {store.Resolution} px, {(StoreMatches ? "content hash matches" : "<strong>content hash differs</strong>")})");
        Meta("content hash", $"<code>{Escape(subset.StoreContentHash)}</code>");
        Meta("selection", Escape(subset.Selection));
        Meta("seed", subset.Seed.ToString(Inv));
        Meta("created", Escape(subset.CreatedAt.ToString("u", Inv)));
        Meta("filters", subset.Lineage.Count == 0 ? "none" : Escape(string.Join(" → ", subset.Lineage.Select(l => l.Id))));
        Line("</dl></header>");
        var links = string.Concat(steps.Select(s => $"<a href=\"#step-{s.Index + 1}\">{s.Index + 1}. {Escape(s.Lineage.Id)}</a>"));
        Line($"<nav><a href=\"#summary\">at a glance</a><a href=\"#lineage\">lineage</a><a href=\"#dataset\">dataset</a>{links}</nav>");
    }

    private void Summary()
    {
        Line("<section id=\"summary\"><h2>At a glance</h2>");
        if (steps.Count == 0)
        {
            Line("<p>No filters: the subset is its selection.</p>");
        }
        foreach (var step in steps)
        {
            var l = step.Lineage;
            Line($"<div class=\"glance\"><h3><a href=\"#step-{step.Index + 1}\">{step.Index + 1}. {Escape(l.Id)}</a> dropped {Count(l.Dropped)} of {Count(l.In)} ({DataReportStep.Percent(l.Dropped, l.In)})</h3>");
            if (step.Details(words: false) is { Count: > 0 } details)
            {
                Line($"<p>{Escape(string.Join("; ", details))}</p>");
            }
            if (step.Words.Count > 0)
            {
                Line($"<p class=\"chips\">Over-represented in dropped captions: {string.Concat(step.Words.Select(w => $"<span>{Escape(w.Word)} {DataReportStep.Share(w.DroppedShare)} vs {DataReportStep.Share(w.KeptShare)}</span>"))}</p>");
            }
            var junk = step.Cuts.Count > 0
                ? step.Cuts.SelectMany(c => c.DroppedFarthest.Take(StripSize / step.Cuts.Count)).ToList()
                : step.Reasons.SelectMany(r => r.Examples).Take(StripSize).ToList();
            if (junk.Count > 0)
            {
                Line($"<p>{(step.Cuts.Count > 0 ? "Most confidently dropped:" : "Dropped, for example:")}</p>");
                Cards(junk, $"step-{step.Index + 1}-glance", "dropped strip", mini: true);
            }
            Line("</div>");
        }
        Line("</section>");
    }

    private void Lineage()
    {
        Line("<section id=\"lineage\"><h2>Lineage</h2>");
        Line("<table><tr><th>#</th><th>filter</th><th>version</th><th>plugin</th><th>options</th><th class=\"n\">in</th><th class=\"n\">kept</th><th class=\"n\">dropped</th></tr>");
        for (var i = 0; i < subset.Lineage.Count; i++)
        {
            var l = subset.Lineage[i];
            var json = l.Options is { } o ? JsonSerializer.Serialize(o) : "{}";
            Line($"<tr data-step=\"{i + 1}\"><td>{i + 1}</td><td><a href=\"#step-{i + 1}\">{Escape(l.Id)}</a></td><td>{Escape(l.Version)}</td><td>{Escape(l.Plugin)}</td><td><code>{Escape(json)}</code></td>"
                + $"<td class=\"n\">{Count(l.In)}</td><td class=\"n\">{Count(l.Kept)}</td><td class=\"n\">{Count(l.Dropped)}</td></tr>");
        }
        Line("</table></section>");
    }

    private void Dataset()
    {
        Line($"<section id=\"dataset\"><h2>The dataset <small>{Escape(subset.Store)}</small></h2>");
        if (candidates is null)
        {
            Line("<p class=\"note\">The candidates before the first filter were not recorded; splits cover the kept pairs only.</p>");
        }
        var kept = subset.Ids.ToHashSet();
        var pool = candidates ?? subset.Ids;
        var bySplit = pool.Where(InStore).GroupBy(id => store.Samples[id].Split).ToDictionary(g => g.Key, g => g.ToList());
        var splits = Splits.All.Concat(bySplit.Keys.Order(StringComparer.Ordinal)).Distinct().Where(bySplit.ContainsKey);
        Line("<table id=\"splits\"><tr><th>split</th><th class=\"n\">candidates</th><th class=\"n\">kept</th><th class=\"n\">dropped</th><th class=\"n\">kept %</th></tr>");
        foreach (var split in splits)
        {
            var ids = bySplit[split];
            var k = ids.Count(kept.Contains);
            Line($"<tr><td>{Escape(split)}</td><td class=\"n\">{Count(ids.Count)}</td><td class=\"n\">{Count(k)}</td><td class=\"n\">{Count(ids.Count - k)}</td><td class=\"n\">{DataReportStep.Percent(k, ids.Count)}</td></tr>");
        }
        var inPool = pool.Where(InStore).ToList();
        var keptIn = inPool.Count(kept.Contains);
        Line($"<tr><th>all</th><th class=\"n\">{Count(inPool.Count)}</th><th class=\"n\">{Count(keptIn)}</th><th class=\"n\">{Count(inPool.Count - keptIn)}</th><th class=\"n\">{DataReportStep.Percent(keptIn, inPool.Count)}</th></tr></table>");
        Line($"<div class=\"plots\"><img class=\"plot\" src=\"{DataReport.DatasetWordsPlot}\" width=\"{DataReportPlots.Width}\" height=\"{DataReportPlots.Height}\" alt=\"caption length in words, kept and dropped by the whole pipeline\"></div>");
        Line("</section>");
    }

    private void Step(DataReportStep step)
    {
        var l = step.Lineage;
        var n = step.Index + 1;
        Line($"<section class=\"step\" id=\"step-{n}\" data-filter=\"{Escape(l.Id)}\" data-in=\"{l.In}\" data-kept=\"{l.Kept}\" data-dropped=\"{l.Dropped}\">");
        Line($"<h2>{n}. {Escape(l.Id)} <small>{Escape(l.Plugin)} · version {Escape(l.Version)}</small></h2>");
        foreach (var warning in step.Warnings)
        {
            Line($"<div class=\"note\">{Escape(warning)}</div>");
        }
        Line($"<p class=\"counts\">in <b>{Count(l.In)}</b> · kept <b>{Count(l.Kept)}</b> ({DataReportStep.Percent(l.Kept, l.In)}) · dropped <b>{Count(l.Dropped)}</b> ({DataReportStep.Percent(l.Dropped, l.In)})</p>");
        if (!step.Recorded)
        {
            Line("</section>");
            return;
        }
        Line("<div class=\"plots\">");
        if (step.HasScores)
        {
            Line($"<img class=\"plot\" src=\"{DataReport.ScorePlot(step)}\" width=\"{DataReportPlots.Width}\" height=\"{DataReportPlots.Height}\" alt=\"{Escape(l.Id)} scores, kept and dropped\">");
        }
        Line($"<img class=\"plot\" src=\"{DataReport.WordsPlot(step)}\" width=\"{DataReportPlots.Width}\" height=\"{DataReportPlots.Height}\" alt=\"caption length in words, kept and dropped by {Escape(l.Id)}\">");
        Line("</div>");
        var reasons = step.Reasons.Count > 1;
        WordsTable(step);
        ReasonsTable(step);
        foreach (var cut in step.Cuts)
        {
            var lower = cut.Side == DataReportCut.Lower;
            var id = $"step-{n}-{cut.Side}";
            Line($"<h3>Around the {cut.Side} cut <small>kept scores {(lower ? "≥" : "≤")} {DataReportStep.FormatScore(cut.Value)}; {Count(cut.Dropped)} dropped on this side</small></h3>");
            Line($"<h4>The {cut.KeptNearest.Count} {(lower ? "lowest" : "highest")}-scoring kept</h4>");
            Cards(cut.KeptNearest, $"{id}-kept", "kept", reasons: reasons);
            Line($"<h4>The {cut.DroppedNearest.Count} {(lower ? "highest" : "lowest")}-scoring dropped</h4>");
            Cards(cut.DroppedNearest, $"{id}-dropped", "dropped", reasons: reasons);
            Line($"<h3>Most confidently dropped <small>the {cut.DroppedFarthest.Count} {(lower ? "lowest" : "highest")} scores</small></h3>");
            Cards(cut.DroppedFarthest, $"{id}-farthest", "dropped", reasons: reasons);
        }
        if (step.DroppedElsewhere.Count > 0)
        {
            Line($"<h3>Dropped inside the kept score range <small>{Count(step.DroppedElsewhereCount)} pairs; a sample of {step.DroppedElsewhere.Count}</small></h3>");
            Cards(step.DroppedElsewhere, $"step-{n}-elsewhere", "dropped", reasons: reasons);
        }
        if (step.Cuts.Count == 0)
        {
            var shown = step.Reasons.Where(r => r.Examples.Count > 0).ToList();
            if (shown.Count > 0)
            {
                Line("<h3>Dropped, by reason</h3>");
            }
            for (var i = 0; i < shown.Count; i++)
            {
                Line($"<h4>“{Escape(shown[i].Pattern)}” <small>{Count(shown[i].Count)} pairs; a sample of {shown[i].Examples.Count}</small></h4>");
                Cards(shown[i].Examples, $"step-{n}-reason-{i + 1}", "dropped", reasons: reasons);
            }
            if (step.KeptSample.Count > 0)
            {
                Line($"<h3>Kept <small>a sample of {step.KeptSample.Count} of {Count(step.Kept.Count)}</small></h3>");
                Cards(step.KeptSample, $"step-{n}-kept-sample", "kept", reasons: reasons);
            }
        }
        Line("</section>");
    }

    private void WordsTable(DataReportStep step)
    {
        if (step.Words.Count == 0)
        {
            return;
        }
        Line("<h3>Words over-represented in dropped captions</h3>");
        Line("<table class=\"words\"><tr><th>word</th><th class=\"n\">dropped captions</th><th class=\"n\">kept captions</th></tr>");
        foreach (var w in step.Words)
        {
            Line($"<tr><td>{Escape(w.Word)}</td><td class=\"n\">{Count(w.Dropped)} ({DataReportStep.Share(w.DroppedShare)})</td><td class=\"n\">{Count(w.Kept)} ({DataReportStep.Share(w.KeptShare)})</td></tr>");
        }
        Line("</table>");
    }

    private void ReasonsTable(DataReportStep step)
    {
        if (step.Reasons.Count == 0)
        {
            return;
        }
        Line("<h3>Drop reasons <small>numbers folded to #</small></h3>");
        Line("<table class=\"reasons\"><tr><th>reason</th><th class=\"n\">pairs</th><th>for example</th></tr>");
        foreach (var r in step.Reasons.Take(20))
        {
            Line($"<tr><td>{Escape(r.Pattern)}</td><td class=\"n\">{Count(r.Count)}</td><td>{Escape(r.Example)}</td></tr>");
        }
        if (step.Reasons.Count > 20)
        {
            Line($"<tr><td colspan=\"3\">… and {Count(step.Reasons.Count - 20)} more</td></tr>");
        }
        Line("</table>");
    }

    /// <param name="reasons">Whether cards repeat the drop reason (pointless when the step has only one, shown in its table).</param>
    private void Cards(IReadOnlyList<FilterDecision> decisions, string id, string kind, bool mini = false, bool reasons = true)
    {
        Line($"<div class=\"cards {kind}\" id=\"{id}\">");
        foreach (var d in decisions)
        {
            var state = d.Kept ? "kept" : "dropped";
            var scoreText = d.Score is { } s ? $"<span class=\"score\">{(mini ? string.Empty : "score ")}{DataReportStep.FormatScore(s)}</span>" : string.Empty;
            if (!InStore(d.Id))
            {
                Line($"<figure class=\"card {state} missing\" data-id=\"{d.Id}\"><figcaption><span class=\"cap\">id {d.Id} is not in the store ({Count(store.Count)} pairs)</span>{scoreText}</figcaption></figure>");
                continue;
            }
            Thumbnails.Add(d.Id);
            var sample = store.Samples[d.Id];
            var caption = sample.Captions.Count > 0 ? sample.Captions[0] : string.Empty;
            var img = $"<img src=\"{DataReport.Thumbnail(d.Id)}\" alt=\"{Escape(Shorten(caption, 80))}\" title=\"{Escape(caption)}\">";
            var reason = d.Reason is { } r && reasons && !mini ? $"<span class=\"reason\">{Escape(r)}</span>" : string.Empty;
            var text = mini ? Shorten(caption, 40) : Shorten(caption);
            var scoreAttribute = d.Score is { } v ? $" data-score=\"{v.ToString("R", Inv)}\"" : string.Empty;
            Line($"<figure class=\"card {state}\" data-id=\"{d.Id}\"{scoreAttribute}>{img}<figcaption><span class=\"cap\">{Escape(text)}</span>{scoreText}{reason}<span class=\"id\">#{d.Id} · {Escape(sample.Split)}</span></figcaption></figure>");
        }
        Line("</div>");
    }

    private bool InStore(int id) => id >= 0 && id < store.Count;

    private void Meta(string term, string html) => Line($"<dt>{term}</dt><dd>{html}</dd>");

    private void Line(string html) => _html.Append(html).Append('\n');
}
