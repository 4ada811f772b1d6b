using System.Globalization;
using System.Text.Json;

namespace ClipHost.Engine.Tests.TestSupport;

/// <summary>Reads a run's metrics.jsonl the way the training tests judge it: does the loss fall?</summary>
public static class RunMetrics
{
    /// <summary>The logged loss, or one of its logged components (e.g. SLIP's "ssl"), in step order.</summary>
    public static IReadOnlyList<double> Losses(string runDirectory, string? component = null) =>
        [.. File.ReadLines(Path.Combine(runDirectory, "metrics.jsonl")).Select(line =>
        {
            var entry = JsonDocument.Parse(line).RootElement;
            return component is null ? entry.GetProperty("loss").GetDouble() : entry.GetProperty("components").GetProperty(component).GetDouble();
        })];

    /// <summary>Asserts the mean of the last five values is at least <paramref name="by"/> under the mean of the first three, showing the whole curve otherwise.</summary>
    public static void AssertFalls(IReadOnlyList<double> values, double by, string what = "loss")
    {
        var trace = string.Join(" → ", values.Select(v => v.ToString("F2", CultureInfo.InvariantCulture)));
        Assert.True(values.TakeLast(5).Average() < values.Take(3).Average() - by, $"{what} went {trace}");
    }
}
