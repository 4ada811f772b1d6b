using TorchSharp;
using static TorchSharp.torch;

namespace ClipHost.Plugins.Strategies.Augment;

/// <summary>
/// Caption augmentation on token ids, batched: random deletion and random neighbour swaps. It works on the tokens the
/// strategy receives ([start, content..., end, 0...] as ClipBatch documents), so a "word" is a BPE token; most caption
/// words are one token in the compact vocabularies ClipHost trains. The start and end tokens never move.
/// </summary>
public static class CaptionAugmentation
{
    /// <summary>
    /// Deletes each content token with <paramref name="probability"/> and closes the gaps; a caption that would lose
    /// every content token is left whole, since an empty caption teaches nothing.
    /// </summary>
    public static Tensor Delete(Tensor tokens, double probability, Generator generator)
    {
        using var scope = NewDisposeScope();
        var (positions, length) = Layout(tokens);
        var content = positions.ge(1).logical_and(positions.lt(length - 1));
        var drop = rand(tokens.shape, generator: generator, device: tokens.device).lt(probability).logical_and(content);
        var whole = drop.sum(1, keepdim: true).ge(content.sum(1, keepdim: true));
        drop = drop.logical_and(whole.logical_not());
        var keep = tokens.ne(0).logical_and(drop.logical_not());
        // Kept tokens first in their own order, then the rest (zeroed below): a stable compaction without a loop.
        var order = where(keep, positions, positions + tokens.shape[1]).argsort(dim: 1);
        var kept = keep.sum(1, keepdim: true);
        using var zero = 0L.ToScalar();
        return scope.MoveToOuter(tokens.gather(1, order).masked_fill(positions.ge(kept), zero));
    }

    /// <summary>Swaps one random pair of neighbouring content tokens per caption, <paramref name="swaps"/> times; captions with fewer than two content tokens are left alone.</summary>
    public static Tensor Swap(Tensor tokens, int swaps, Generator generator)
    {
        using var scope = NewDisposeScope();
        var (positions, length) = Layout(tokens);
        var contentCount = length - 2;
        var valid = contentCount.ge(2);
        var result = tokens.clone();
        for (var s = 0; s < swaps; s++)
        {
            // First of the pair uniform over the content-1 neighbouring pairs, at positions 1..length-3.
            var u = rand([tokens.shape[0], 1], generator: generator, device: tokens.device);
            var first = (u * (contentCount - 1).clamp_min(1)).floor().to_type(ScalarType.Int64) + 1;
            var second = where(valid, first + 1, first);
            first = where(valid, first, second);
            var permutation = positions.clone();
            permutation.scatter_(1, first, second);
            permutation.scatter_(1, second, first);
            result = result.gather(1, permutation);
        }
        return scope.MoveToOuter(result);
    }

    private static (Tensor Positions, Tensor Length) Layout(Tensor tokens)
    {
        var positions = arange(tokens.shape[1], dtype: ScalarType.Int64, device: tokens.device).unsqueeze(0).expand(tokens.shape[0], -1);
        var length = tokens.ne(0).sum(1, keepdim: true);
        return (positions, length);
    }
}
