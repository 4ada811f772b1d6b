using System.Globalization;
using System.Text;
using ScottPlot;

namespace ClipHost.Reports;

/// <summary>One series of a figure: points, and the seed spread (± std) as error bars when there is one.</summary>
public sealed record FigureSeries(string Label, IReadOnlyList<double> X, IReadOnlyList<double> Y, IReadOnlyList<double>? Error = null);

/// <summary>
/// A plot on a results page as data: rendered by ScottPlot to PNG or SVG, and written as CSV, from the same series.
/// <paramref name="LogX"/> plots log10(x) with ticks labelled in x (ScottPlot's way to a log axis).
/// </summary>
public sealed record ResultsFigure(string Name, string Title, string XLabel, string YLabel, IReadOnlyList<FigureSeries> Series, bool LogX = false, bool Markers = false)
{
    public const int Width = 800;
    public const int Height = 420;
    public static readonly IReadOnlyList<string> Formats = ["png", "svg", "csv"];
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string ContentType(string format) => format switch
    {
        "png" => "image/png",
        "svg" => "image/svg+xml",
        _ => "text/csv; charset=utf-8",
    };

    public byte[] Render(string format)
    {
        if (format == "csv")
        {
            return Encoding.UTF8.GetBytes(Csv());
        }
        var plot = Plot();
        return format switch
        {
            "png" => plot.GetImageBytes(Width, Height, ImageFormat.Png),
            "svg" => Encoding.UTF8.GetBytes(plot.GetSvgXml(Width, Height)),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "a figure is png, svg or csv"),
        };
    }

    public string Csv()
    {
        var sb = new StringBuilder("series,x,y,std\n");
        foreach (var s in Series)
        {
            for (var i = 0; i < s.X.Count; i++)
            {
                sb.Append(Inv, $"{Quote(s.Label)},{s.X[i]:R},{s.Y[i]:R},{(s.Error is { } e ? e[i].ToString("R", Inv) : string.Empty)}\n");
            }
        }
        return sb.ToString();
    }

    private Plot Plot()
    {
        var plot = new Plot();
        foreach (var s in Series.Where(s => s.X.Count > 0))
        {
            var xs = s.X.Select(x => LogX ? Math.Log10(x) : x).ToArray();
            var ys = s.Y.ToArray();
            var scatter = Markers || xs.Length == 1 ? plot.Add.ScatterPoints(xs, ys) : plot.Add.Scatter(xs, ys);
            scatter.LegendText = s.Label;
            if (s.Error is { } error)
            {
                var bars = plot.Add.ErrorBar(xs, ys, [.. error]);
                bars.Color = scatter.Color;
            }
        }
        if (LogX)
        {
            // Decades as ticks once the data spans one; inside a decade (budgets 20 and 40) ticks between, or none would show.
            var logs = Series.SelectMany(s => s.X).Where(x => x > 0).Select(Math.Log10).ToList();
            var decades = logs.Count > 0 && logs.Max() - logs.Min() >= 1;
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                IntegerTicksOnly = decades,
                LabelFormatter = x => Math.Pow(10, x) is var v && v >= 100 ? v.ToString("N0", Inv) : v.ToString("G3", Inv),
            };
        }
        plot.Title(Title);
        plot.XLabel(LogX ? $"{XLabel} (log scale)" : XLabel);
        plot.YLabel(YLabel);
        if (Series.Count > 1)
        {
            plot.ShowLegend(Alignment.LowerRight);
        }
        return plot;
    }

    private static string Quote(string text) => text.Contains(',') || text.Contains('"') ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
