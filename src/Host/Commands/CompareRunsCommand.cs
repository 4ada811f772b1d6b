namespace ClipHost.Host.Commands;

/// <summary>Finished runs side by side: their headline metrics (mean ± std over seeds) and, with an output folder, loss curves.</summary>
/// <param name="Runs">Run names under the runs root.</param>
/// <param name="Output">Folder for comparison.md and loss-curves.png; null prints the table only.</param>
public sealed record CompareRunsCommand(IReadOnlyList<string> Runs, string? Output) : ICommand<RunsComparison>;

/// <param name="Table">The comparison as a Markdown table.</param>
/// <param name="Files">What was written.</param>
public sealed record RunsComparison(string Table, IReadOnlyList<string> Files);
