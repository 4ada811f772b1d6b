using System.Globalization;
using ScottPlot;

namespace ClipHost.Reports;

/// <summary>The report's PNG plots (ScottPlot): kept and dropped stacked per bin, with the cut as a vertical line.</summary>
public static class DataReportPlots
{
    public const int Width = 800;
    public const int Height = 320;

    public static readonly Color KeptColour = Color.FromHex("#2ca02c");
    public static readonly Color DroppedColour = Color.FromHex("#d62728");

    /// <summary>Writes the histogram as a PNG with a line per cut.</summary>
    public static void Histogram(DataReportHistogram histogram, string title, string xLabel, IReadOnlyList<DataReportCut> cuts, string path)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        ArgumentNullException.ThrowIfNull(cuts);
        var plot = new Plot();
        var dropped = new List<Bar>(histogram.Bins);
        var kept = new List<Bar>(histogram.Bins);
        for (var i = 0; i < histogram.Bins; i++)
        {
            var (left, right) = (histogram.Edges[i], histogram.Edges[i + 1]);
            var centre = (left + right) / 2;
            var size = (right - left) * 0.95;
            dropped.Add(new Bar { Position = centre, Value = histogram.Dropped[i], Size = size, FillColor = DroppedColour, LineWidth = 0 });
            kept.Add(new Bar { Position = centre, ValueBase = histogram.Dropped[i], Value = histogram.Dropped[i] + histogram.Kept[i], Size = size, FillColor = KeptColour, LineWidth = 0 });
        }
        plot.Add.Bars(dropped).LegendText = string.Create(CultureInfo.InvariantCulture, $"dropped ({histogram.Dropped.Sum():N0})");
        plot.Add.Bars(kept).LegendText = string.Create(CultureInfo.InvariantCulture, $"kept ({histogram.Kept.Sum():N0})");
        foreach (var cut in cuts)
        {
            // Whole-number scores: the line goes between the last dropped and the first kept bar, not through a bar.
            var offset = !histogram.Integral ? 0 : cut.Side == DataReportCut.Lower ? -0.5 : 0.5;
            var line = plot.Add.VerticalLine(cut.Value + offset, 2, Colors.Black, LinePattern.Dashed);
            line.Text = $"cut {DataReportStep.FormatScore(cut.Value)}";
        }
        if (histogram.Integral)
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        }
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel("pairs");
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, Width, Height);
    }
}
