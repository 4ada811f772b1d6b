using ClipHost.Abstractions.DataFilters;
using ClipHost.Abstractions.Options;
using ClipHost.Engine.Model;
using static TorchSharp.torch;

namespace ClipHost.Engine.Filtering;

/// <summary>
/// The teachers of one filtering: each named checkpoint is loaded once, and handed out behind the score cache, so
/// filters see cached scores without knowing the cache exists. Disposing releases the loaded models.
/// </summary>
public sealed class TeacherPool(string runsRoot, ScoreCache cache, IComponentRegistry registry, Device device) : IDisposable
{
    private readonly Dictionary<string, (CheckpointPairScorer Model, CachingPairScorer Cached)> _loaded = new(StringComparer.Ordinal);

    /// <summary>The scorer for a teacher (a run id or a run/checkpoint path); refuses one that names no checkpoint.</summary>
    public IPairScorer Resolve(string teacher)
    {
        var (found, problem) = TeacherLocator.Locate(teacher, runsRoot);
        var checkpoint = found ?? throw new OptionsValidationFailedException([new OptionError("teacher", problem!)]);
        if (!_loaded.TryGetValue(checkpoint, out var scorer))
        {
            var model = new CheckpointPairScorer(checkpoint, registry, device);
            scorer = (model, new CachingPairScorer(model, cache));
            _loaded[checkpoint] = scorer;
        }
        return scorer.Cached;
    }

    public void Dispose()
    {
        foreach (var (model, _) in _loaded.Values)
        {
            model.Dispose();
        }
        _loaded.Clear();
    }
}
