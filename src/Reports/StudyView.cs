namespace ClipHost.Reports;

/// <summary>A study as its page shows it; the study layer builds it from the study file and its cells' runs.</summary>
/// <param name="Axes">Config paths the study varies: training.seed, model.vision.architecture, training.budget.gflops, ...</param>
public sealed record StudyView(string Name, IReadOnlyList<string> Axes, IReadOnlyList<StudyCellView> Cells);

/// <summary>One cell: its run and its label on each axis (axis path → label).</summary>
public sealed record StudyCellView(string Cell, string RunId, IReadOnlyDictionary<string, string> Values, string Status);
