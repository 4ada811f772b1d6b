using System.Globalization;

namespace ClipHost.Engine.Tests.Fuzzing;

/// <summary>Counts per target: what docs/reliability.md (Fuzzing) tabulates.</summary>
public sealed class FuzzFigures(string target, ulong seed)
{
    private readonly Dictionary<Verdict, int> _counts = Enum.GetValues<Verdict>().ToDictionary(v => v, _ => 0);
    private readonly List<string> _findings = [];

    public string Target => target;

    public ulong Seed => seed;

    public int Cases => _counts.Values.Sum();

    public int this[Verdict verdict] => _counts[verdict];

    public int FindingCount => Cases - this[Verdict.Accepted] - this[Verdict.Rejected];

    public IReadOnlyList<string> Findings => _findings;

    public TimeSpan Elapsed { get; set; }

    public void Add(Outcome outcome, string caseSeed, string? savedAt)
    {
        _counts[outcome.Verdict]++;
        if (outcome.IsFinding && _findings.Count < 20)
        {
            _findings.Add($"{outcome.Verdict} (case seed {caseSeed}{(savedAt is null ? string.Empty : ", saved as " + savedAt)}): {outcome.Detail}");
        }
    }

    /// <summary>The figures in one line, for people.</summary>
    public string Line => string.Create(CultureInfo.InvariantCulture,
        $"fuzz {target}: {Cases} cases, seed {seed}, {this[Verdict.Accepted]} accepted, {this[Verdict.Rejected]} rejected (each naming what is wrong), " +
        $"{this[Verdict.Crash]} crashes, {this[Verdict.Hang]} hangs, {this[Verdict.Escape]} writes outside the root, {this[Verdict.Unnamed]} unnamed, {Elapsed.TotalSeconds:F1} s");

    /// <summary>Prints <see cref="Line"/> and, where CLIPHOST_FUZZ_FIGURES names a file, appends one tab-separated line for the doc.</summary>
    public void Publish()
    {
        TestContext.Current.TestOutputHelper?.WriteLine(Line);
        Console.WriteLine(Line);
        if (FuzzSettings.FiguresFile is { } file)
        {
            var named = this[Verdict.Rejected] + this[Verdict.Unnamed];
            File.AppendAllText(file, string.Create(CultureInfo.InvariantCulture,
                $"{target}\t{Cases}\t{seed}\t{this[Verdict.Crash]}\t{this[Verdict.Hang]}\t{this[Verdict.Escape]}\t{this[Verdict.Rejected]}/{named}\t{this[Verdict.Accepted]}\t{Elapsed.TotalSeconds:F1}\n"));
        }
    }
}
