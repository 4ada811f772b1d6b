using System.Text;
using ClipHost.Engine.Filtering;
using static ClipHost.Reports.DataReportHtml;

namespace ClipHost.Reports;

/// <summary>
/// A filter step's section of the report: its counts and warnings, its plots, the words and reasons tables, and the
/// cards around each score cut, or by reason where the step has no cut.
/// </summary>
internal static class DataReportStepSection
{
    public static void Write(StringBuilder html, DataReportCards cards, DataReportStep step)
    {
        var l = step.Lineage;
        var n = step.Index + 1;
        html.Line($"<section class=\"step\" id=\"step-{n}\" data-filter=\"{Escape(l.Id)}\" data-in=\"{l.In}\" data-kept=\"{l.Kept}\" data-dropped=\"{l.Dropped}\">");
        html.Line($"<h2>{n}. {Escape(l.Id)} <small>{Escape(l.Plugin)} · version {Escape(l.Version)}</small></h2>");
        foreach (var warning in step.Warnings)
        {
            html.Line($"<div class=\"note\">{Escape(warning)}</div>");
        }
        html.Line($"<p class=\"counts\">in <b>{Count(l.In)}</b> · kept <b>{Count(l.Kept)}</b> ({DataReportStep.Percent(l.Kept, l.In)}) · dropped <b>{Count(l.Dropped)}</b> ({DataReportStep.Percent(l.Dropped, l.In)})</p>");
        if (!step.Recorded)
        {
            html.Line("</section>");
            return;
        }
        html.Line("<div class=\"plots\">");
        if (step.HasScores)
        {
            html.Line($"<img class=\"plot\" src=\"{DataReport.ScorePlot(step)}\" width=\"{DataReportPlots.Width}\" height=\"{DataReportPlots.Height}\" alt=\"{Escape(l.Id)} scores, kept and dropped\">");
        }
        html.Line($"<img class=\"plot\" src=\"{DataReport.WordsPlot(step)}\" width=\"{DataReportPlots.Width}\" height=\"{DataReportPlots.Height}\" alt=\"caption length in words, kept and dropped by {Escape(l.Id)}\">");
        html.Line("</div>");
        var reasons = step.Reasons.Count > 1;
        WordsTable(html, step);
        ReasonsTable(html, step);
        foreach (var cut in step.Cuts)
        {
            var lower = cut.Side == DataReportCut.Lower;
            var id = $"step-{n}-{cut.Side}";
            html.Line($"<h3>Around the {cut.Side} cut <small>kept scores {(lower ? "≥" : "≤")} {DataReportStep.FormatScore(cut.Value)}; {Count(cut.Dropped)} dropped on this side</small></h3>");
            html.Line($"<h4>The {cut.KeptNearest.Count} {(lower ? "lowest" : "highest")}-scoring kept</h4>");
            cards.Write(html, cut.KeptNearest, $"{id}-kept", "kept", reasons: reasons);
            html.Line($"<h4>The {cut.DroppedNearest.Count} {(lower ? "highest" : "lowest")}-scoring dropped</h4>");
            cards.Write(html, cut.DroppedNearest, $"{id}-dropped", "dropped", reasons: reasons);
            html.Line($"<h3>Most confidently dropped <small>the {cut.DroppedFarthest.Count} {(lower ? "lowest" : "highest")} scores</small></h3>");
            cards.Write(html, cut.DroppedFarthest, $"{id}-farthest", "dropped", reasons: reasons);
        }
        if (step.DroppedElsewhere.Count > 0)
        {
            html.Line($"<h3>Dropped inside the kept score range <small>{Count(step.DroppedElsewhereCount)} pairs; a sample of {step.DroppedElsewhere.Count}</small></h3>");
            cards.Write(html, step.DroppedElsewhere, $"step-{n}-elsewhere", "dropped", reasons: reasons);
        }
        if (step.Cuts.Count == 0)
        {
            ReasonCards(html, cards, step, reasons);
        }
        html.Line("</section>");
    }

    /// <summary>A step without a cut: a sample of each of its top drop reasons, then a sample of what it kept.</summary>
    private static void ReasonCards(StringBuilder html, DataReportCards cards, DataReportStep step, bool reasons)
    {
        var n = step.Index + 1;
        var shown = step.Reasons.Where(r => r.Examples.Count > 0).ToList();
        if (shown.Count > 0)
        {
            html.Line("<h3>Dropped, by reason</h3>");
        }
        for (var i = 0; i < shown.Count; i++)
        {
            html.Line($"<h4>“{Escape(shown[i].Pattern)}” <small>{Count(shown[i].Count)} pairs; a sample of {shown[i].Examples.Count}</small></h4>");
            cards.Write(html, shown[i].Examples, $"step-{n}-reason-{i + 1}", "dropped", reasons: reasons);
        }
        if (step.KeptSample.Count > 0)
        {
            html.Line($"<h3>Kept <small>a sample of {step.KeptSample.Count} of {Count(step.Kept.Count)}</small></h3>");
            cards.Write(html, step.KeptSample, $"step-{n}-kept-sample", "kept", reasons: reasons);
        }
    }

    private static void WordsTable(StringBuilder html, DataReportStep step)
    {
        if (step.Words.Count == 0)
        {
            return;
        }
        html.Line("<h3>Words over-represented in dropped captions</h3>");
        html.Line("<table class=\"words\"><tr><th>word</th><th class=\"n\">dropped captions</th><th class=\"n\">kept captions</th></tr>");
        foreach (var w in step.Words)
        {
            html.Line($"<tr><td>{Escape(w.Word)}</td><td class=\"n\">{Count(w.Dropped)} ({DataReportStep.Share(w.DroppedShare)})</td><td class=\"n\">{Count(w.Kept)} ({DataReportStep.Share(w.KeptShare)})</td></tr>");
        }
        html.Line("</table>");
    }

    private static void ReasonsTable(StringBuilder html, DataReportStep step)
    {
        if (step.Reasons.Count == 0)
        {
            return;
        }
        html.Line("<h3>Drop reasons <small>numbers folded to #</small></h3>");
        html.Line("<table class=\"reasons\"><tr><th>reason</th><th class=\"n\">pairs</th><th>for example</th></tr>");
        foreach (var r in step.Reasons.Take(20))
        {
            html.Line($"<tr><td>{Escape(r.Pattern)}</td><td class=\"n\">{Count(r.Count)}</td><td>{Escape(r.Example)}</td></tr>");
        }
        if (step.Reasons.Count > 20)
        {
            html.Line($"<tr><td colspan=\"3\">… and {Count(step.Reasons.Count - 20)} more</td></tr>");
        }
        html.Line("</table>");
    }
}
