using ClipHost.Abstractions.DataFilters;
using ClipHost.Abstractions.Options;
using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Experiments;
using ClipHost.Engine.Filtering;
using ClipHost.Engine.Model;
using Microsoft.Extensions.Logging;

namespace ClipHost.Engine.Training;

/// <summary>
/// Chooses the ids a run trains on: the config's selection, narrowed to a named subset and by the config's filters. When
/// either is used the result and its lineage are written to the run's subset/ folder (the report's input), and a resumed
/// run reads them back instead of filtering again, so a teacher retrained meanwhile cannot change a run midway.
/// </summary>
public sealed class TrainingSetSelector(IComponentRegistry registry, ILogger logger)
{
    /// <summary>The training set of the run in <paramref name="workspace"/> (opened first: it knows whether this is a resume).</summary>
    public TrainingSet Select(ExperimentConfig config, TrainRunOptions run, RunWorkspace workspace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(workspace);
        var store = ClipStore.Open(run.Layout.Store(config.Data.Store));
        try
        {
            var (ids, lineage) = Resolve(config, store, run, workspace, cancellationToken);
            var what = config.Data.Filters.Count > 0 ? "data.filters keep" : "data.train selects";
            if (ExperimentValidator.BatchTooLarge(config.Training.BatchSize, ids.Length, what) is { } tooLarge)
            {
                throw new OptionsValidationFailedException([tooLarge]);
            }
            return new TrainingSet(store, ids, lineage);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    private (int[] Ids, IReadOnlyList<FilterLineage> Lineage) Resolve(ExperimentConfig config, ClipStore store, TrainRunOptions run, RunWorkspace workspace, CancellationToken cancellationToken)
    {
        var data = config.Data;
        var selected = data.Train.Select(store);
        if (data.Subset is null && data.Filters.Count == 0)
        {
            return (selected, []);
        }
        if (workspace.ResumeFrom is not null && SubsetFiles.Read(workspace.SubsetFolder) is { } earlier)
        {
            if (earlier.StoreContentHash != store.ContentHash)
            {
                throw new OptionsValidationFailedException([new OptionError("data.store", $"store '{data.Store}' was re-imported since run '{config.Name}' chose its training subset; start it again with --fresh")]);
            }
            return ([.. earlier.Ids], earlier.Lineage);
        }
        var record = Choose(config, store, selected, run, workspace.SubsetFolder, cancellationToken);
        return ([.. record.Ids], record.Lineage);
    }

    /// <summary>Narrows the selection to the subset and through the filters, and writes the result to the run's subset/ folder.</summary>
    private SubsetRecord Choose(ExperimentConfig config, ClipStore store, int[] selected, TrainRunOptions run, string folder, CancellationToken cancellationToken)
    {
        var data = config.Data;
        IReadOnlyList<int> candidates = selected;
        var selection = data.Train.Describe() is { Length: > 0 } d ? d : "every sample";
        var lineage = new List<FilterLineage>();
        var inherited = new List<(string Folder, int Index, string Id)>();
        if (data.Subset is not null)
        {
            var parentFolder = run.Layout.Subset(data.Subset);
            var parent = SubsetFiles.Read(parentFolder)
                ?? throw new OptionsValidationFailedException([new OptionError("data.subset", $"no subset '{data.Subset}' in {parentFolder}")]);
            var kept = parent.Ids.ToHashSet();
            candidates = [.. selected.Where(kept.Contains)];
            selection = $"{selection}; within subset '{data.Subset}' ({parent.Ids.Count} ids)";
            lineage.AddRange(parent.Lineage);
            inherited.AddRange(parent.Lineage.Select((l, i) => (parentFolder, i, l.Id)));
        }

        IReadOnlyList<FilterStepResult> steps = [];
        if (data.Filters.Count > 0)
        {
            using var teachers = new TeacherPool(run.Layout.Runs, new ScoreCache(run.Layout.Scores), registry, run.Device);
            var context = new FilterContext(data.FilterSeed, logger, teachers.Resolve, NoServices.Instance);
            steps = FilterPipeline.Run(store, candidates, data.Filters, registry, context, cancellationToken);
            lineage.AddRange(steps.Select(s => s.Lineage));
            candidates = steps[^1].Result.Kept;
        }
        if (candidates.Count == 0)
        {
            throw new OptionsValidationFailedException([new OptionError(data.Filters.Count > 0 ? "data.filters" : "data.subset", $"no training samples are left of the {selected.Length} selected ({selection})")]);
        }
        var record = new SubsetRecord(config.Name, data.Store, store.ContentHash, data.FilterSeed, store.Count, selection, candidates, lineage, DateTimeOffset.UtcNow);
        Directory.CreateDirectory(folder);
        SubsetFiles.Write(folder, record, steps, inherited);
        return record;
    }
}
