using ClipHost.Engine.Data.Store;
using static TorchSharp.torch;

namespace ClipHost.Engine.Evaluation;

/// <summary>
/// A checkpoint's image embeddings (projected, L2-normalised: what zero-shot compares with the class texts), encoded
/// once per store and sample and shared by every task of an evaluation; behind the on-disk <see cref="FeatureCache"/>
/// when one is given, so a later evaluation of the same checkpoint and store encodes nothing again.
/// </summary>
/// <param name="encoder">Encodes what neither memory nor the cache holds.</param>
/// <param name="modelHash">The checkpoint's content hash and the evaluation precision: the cache key's model half.</param>
/// <param name="cache">The disk cache, or null to keep features for this evaluation only.</param>
public sealed class ImageFeatures(EmbeddingEncoder encoder, string modelHash, FeatureCache? cache)
{
    private readonly Dictionary<string, Dictionary<int, float[]>> _byStore = [];

    /// <summary>Images encoded by the model so far (not answered from memory or the cache).</summary>
    public int Encoded { get; private set; }

    /// <summary>Features [ids.Count, D] in the order of <paramref name="ids"/>, on the CPU.</summary>
    public Tensor Of(ClipStore store, IReadOnlyList<int> ids)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(ids);
        if (!_byStore.TryGetValue(store.ContentHash, out var known))
        {
            known = cache?.Load(store.ContentHash, modelHash) ?? [];
            _byStore[store.ContentHash] = known;
        }
        var missing = ids.Where(id => !known.ContainsKey(id)).Distinct().ToArray();
        if (missing.Length > 0)
        {
            var fresh = Encode(store, missing);
            foreach (var (id, row) in fresh)
            {
                known[id] = row;
            }
            cache?.Add(store.ContentHash, modelHash, fresh);
            Encoded += missing.Length;
        }
        if (ids.Count == 0)
        {
            return zeros(0, encoder.Dimension);
        }
        var dim = known[ids[0]].Length;
        var flat = new float[ids.Count * dim];
        for (var i = 0; i < ids.Count; i++)
        {
            known[ids[i]].CopyTo(flat, i * dim);
        }
        return tensor(flat, [ids.Count, dim]);
    }

    private Dictionary<int, float[]> Encode(ClipStore store, int[] ids)
    {
        using var embedded = encoder.Images(store, ids);
        var dim = (int)embedded.shape[1];
        var all = embedded.contiguous().data<float>().ToArray();
        var rows = new Dictionary<int, float[]>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            rows[ids[i]] = all.AsSpan(i * dim, dim).ToArray();
        }
        return rows;
    }
}
