using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Filtering;

namespace ClipHost.Engine.Training;

/// <summary>
/// What a run trains on, chosen before the first step (<see cref="TrainingSetSelector"/>): the open store, the ids, and
/// the lineage of the filters that chose them (empty when the config's selection is used as it is). Disposing closes
/// the store.
/// </summary>
public sealed class TrainingSet(ClipStore store, int[] ids, IReadOnlyList<FilterLineage> lineage) : IDisposable
{
    /// <summary>The run's folder that holds the chosen ids and their lineage.</summary>
    public const string Folder = SubsetFiles.RunFolder;

    public ClipStore Store { get; } = store;

    public int[] Ids { get; } = ids;

    public IReadOnlyList<FilterLineage> Lineage { get; } = lineage;

    public void Dispose() => Store.Dispose();
}
