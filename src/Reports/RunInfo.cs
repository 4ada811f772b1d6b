using System.Text.Json.Nodes;

namespace ClipHost.Reports;

/// <summary>What run.json says about a run's life (the host writes it; reports read it as JSON, below the host).</summary>
public sealed record RunInfo(string? Status, string? Source, string? Experiment, string? Host, int Attempts, long ResumedFromStep, DateTimeOffset? SubmittedAt)
{
    public static RunInfo Read(string runDirectory)
    {
        var file = Path.Combine(runDirectory, "run.json");
        JsonNode? run = null;
        try
        {
            run = File.Exists(file) ? JsonNode.Parse(File.ReadAllText(file)) : null;
        }
        catch (System.Text.Json.JsonException)
        {
            // A record being replaced mid-read or broken by hand: the page still shows the run's files.
        }
        return new RunInfo(
            Text(run, "status"), Text(run, "source"), Text(run, "experiment"), Text(run, "host"),
            (int?)Number(run, "attempts") ?? 0, Number(run, "resumedFromStep") ?? 0,
            Text(run, "submittedAt") is { } at && DateTimeOffset.TryParse(at, System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : null);
    }

    private static string? Text(JsonNode? run, string field) => run?[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static long? Number(JsonNode? run, string field) => run?[field] is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;
}
