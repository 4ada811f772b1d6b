using ClipHost.Engine.Data.Store;
using ClipHost.Engine.Model;
using static TorchSharp.torch;

namespace ClipHost.Engine.Evaluation;

/// <summary>
/// Raw pixels as features, the linear-probe baseline: each image area-averaged to size x size, RGB in [0, 1], flattened.
/// What a probe on a model's features must beat for the model to have learned anything a pixel classifier cannot see.
/// </summary>
public static class PixelFeatures
{
    public static Tensor Of(ClipStore store, IReadOnlyList<int> ids, int size)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(ids);
        using var batcher = new ImageBatcher(store, size, CPU);
        var parts = new List<Tensor>();
        foreach (var chunk in ids.Chunk(1024))
        {
            using var scope = NewDisposeScope();
            var x = batcher.Raw(chunk).permute(0, 3, 1, 2).to_type(ScalarType.Float32).div(255f);
            if (store.Resolution != size)
            {
                x = nn.functional.adaptive_avg_pool2d(x, [size, size]);
            }
            parts.Add(scope.MoveToOuter(x.reshape(chunk.Length, -1)));
        }
        var all = parts.Count == 0 ? zeros(0, 3 * size * size) : cat(parts, 0);
        foreach (var p in parts)
        {
            p.Dispose();
        }
        return all;
    }
}
