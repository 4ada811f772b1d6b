using System.Globalization;

namespace ClipHost.Host.Tests.Faults;

/// <summary>What the SIGKILL trials of one verb found: the row of the figures table in docs/reliability.md (Faults).</summary>
public sealed record FaultFigures(string Verb, int Trials, int Killed, long KilledAtMinMs, long KilledAtMaxMs, long CleanRunMs, int ResumedOk, int BitIdentical, int HalfWrittenFound, IReadOnlyList<string> Problems)
{
    public const string Header = "| verb | trials | killed mid-run | killed at (ms after start) | uninterrupted run (ms) | re-run completed | bit-identical | half-written found |\n|---|---|---|---|---|---|---|---|";

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {Verb} | {Trials} | {Killed} | {KilledAtMinMs}-{KilledAtMaxMs} | {CleanRunMs} | {ResumedOk}/{Trials} | {BitIdentical}/{Trials} | {HalfWrittenFound} |");
}
