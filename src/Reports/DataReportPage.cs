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
    private readonly DataReportCards _cards = new(store);

    /// <summary>Ids of every card on the page.</summary>
    public IReadOnlySet<int> Thumbnails => _cards.Thumbnails;

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
            DataReportStepSection.Write(_html, _cards, step);
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
            if (l.Planted is { } planted)
            {
                Line($"<p class=\"planted\">Planted mismatches: dropped {Count(planted.Dropped)} of the {Count(planted.In)} among its candidates (recall {DataReportStep.Percent(planted.Dropped, planted.In)}); {DataReportStep.Percent(planted.Dropped, planted.AllDropped)} of what it dropped was planted (precision).</p>");
            }
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
                _cards.Write(_html, junk, $"step-{step.Index + 1}-glance", "dropped strip", mini: true);
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

    private bool InStore(int id) => _cards.InStore(id);


    private void Meta(string term, string html) => Line($"<dt>{term}</dt><dd>{html}</dd>");

    private void Line(string html) => _html.Line(html);
}
