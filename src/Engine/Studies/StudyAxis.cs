namespace ClipHost.Engine.Studies;

/// <summary>
/// One axis of a study. <paramref name="Key"/> names it in results: its config path when it sets one path (so
/// "training.seed" marks the seed axis), else its name. <paramref name="Field"/> is where it sits in the study file.
/// </summary>
public sealed record StudyAxis(string Name, string Key, string Field, IReadOnlyList<StudyLevel> Levels)
{
    public const string SeedPath = "training.seed";

    public bool IsSeed => Key == SeedPath;

    /// <summary>Whether a config error at <paramref name="field"/> lies under a path this axis sets.</summary>
    public bool Sets(string field) => Levels.SelectMany(l => l.Sets).Any(s => field == s.Key || field.StartsWith(s.Key + ".", StringComparison.Ordinal) || field.StartsWith(s.Key + "[", StringComparison.Ordinal));
}
