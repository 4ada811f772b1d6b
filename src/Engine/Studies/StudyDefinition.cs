using System.Text.Json.Nodes;

namespace ClipHost.Engine.Studies;

/// <summary>
/// A parsed study file (experiments/studies/*.json): its name, the base experiment every cell starts from, its axes and
/// how they combine. Parse with <see cref="StudyFile"/>; expand into cells with <see cref="StudyExpansion"/>.
/// </summary>
public sealed record StudyDefinition(string Name, JsonObject Base, StudyCombine Combine, IReadOnlyList<StudyAxis> Axes)
{
    /// <summary>How many cells the axes make.</summary>
    /// <summary>What must exist before the cells can be checked (stores, teacher runs); empty for most studies.</summary>
    public IReadOnlyList<StudyPrepareStep> Prepare { get; init; } = [];

    public int CellCount => Axes.Count == 0 ? 0 : Combine == StudyCombine.Zip ? Axes[0].Levels.Count : Axes.Aggregate(1, (n, a) => n * a.Levels.Count);
}
