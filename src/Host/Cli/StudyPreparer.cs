using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Paths;
using ClipHost.Engine.Studies;
using ClipHost.Host.Options;

namespace ClipHost.Host.Cli;

/// <summary>
/// Runs a study's <c>prepare</c> steps on this host before its cells are checked: stores it merges or plants noise
/// into (skipped when the store exists), then the runs it trains (skipped when they finished, resumed when they
/// stopped), through the same engine calls and training path as `data merge`, `data plant-noise` and `train`.
/// </summary>
public static class StudyPreparer
{
    /// <returns>0 when everything the study needs exists, else the exit code of the step that failed.</returns>
    public static async Task<int> RunAsync(IServiceProvider s, StudyDefinition study, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(study);
        if (study.Prepare.Count == 0)
        {
            return 0;
        }
        // Every training step is checked before the first store is made: a bad step leaves nothing half-prepared.
        var (runs, errors) = StudyPrepare.Runs(study);
        if (errors.Count > 0)
        {
            return CommandRunner.Refuse(errors);
        }
        var stores = s.GetRequiredService<DataLayout>().Stores;
        foreach (var step in study.Prepare)
        {
            try
            {
                switch (step)
                {
                    case MergeStoresStep merge when !Exists(stores, merge.Into):
                        var merged = StoreMerger.Merge(stores, merge.Into, merge.Stores, replace: false);
                        Console.WriteLine($"{step.Field}: store {merged.Name}, {merged.Count} samples from {merged.Source}");
                        break;
                    case PlantNoiseStep plant when !Exists(stores, plant.Into):
                        var (planted, _) = PlantedNoise.Plant(stores, plant.Store, plant.Into, plant.Share, plant.Seed, replace: false);
                        Console.WriteLine($"{step.Field}: store {planted.Name}, {planted.Count} samples from {planted.Source}");
                        break;
                    case MergeStoresStep or PlantNoiseStep:
                        Console.WriteLine($"{step.Field}: store exists, kept (delete it to build it again)");
                        break;
                }
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"{step.Field}: {e.Message}");
                return 2;
            }
        }
        foreach (var (runId, json) in runs)
        {
            Console.WriteLine($"== prepare: {runId}");
            var exit = await TrainCommand.TrainOneAsync(s, json, new TrainCommand.TrainRequest(Fresh: false, Evaluate: true, null, $"study:{study.Name}"), ct).ConfigureAwait(false);
            if (exit != 0)
            {
                return exit;
            }
        }
        return 0;
    }

    private static bool Exists(string stores, string name) => File.Exists(Path.Combine(stores, name, StoreFiles.Manifest));
}
