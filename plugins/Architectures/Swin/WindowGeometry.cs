using static TorchSharp.torch;

namespace ClipHost.Plugins.Architectures.Swin;

/// <summary>
/// Window bookkeeping for Swin's attention: splitting a [B, H, W, C] map into windows and back, the relative position
/// of every token pair in a window, and the mask that keeps a shifted window from mixing tokens the roll wrapped around.
/// </summary>
public static class WindowGeometry
{
    /// <summary>[B, H, W, C] to [B * windows, window^2, C], windows in row-major order.</summary>
    public static Tensor Partition(Tensor x, int window)
    {
        var (b, h, w, c) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3]);
        return x.view(b, h / window, window, w / window, window, c).permute(0, 1, 3, 2, 4, 5).reshape(-1, window * window, c);
    }

    /// <summary>The inverse of <see cref="Partition"/> for an <paramref name="height"/> x <paramref name="width"/> map.</summary>
    public static Tensor Reverse(Tensor windows, int window, long height, long width)
    {
        var c = windows.shape[2];
        var b = windows.shape[0] / (height / window * (width / window));
        return windows.view(b, height / window, width / window, window, window, c).permute(0, 1, 3, 2, 4, 5).reshape(b, height, width, c);
    }

    /// <summary>
    /// [window^2, window^2] int64: the row of the (2 window - 1)^2 bias table for each (query, key) pair, row offset
    /// major, in the original's order so its tables load unchanged.
    /// </summary>
    public static Tensor RelativePositionIndex(int window)
    {
        var n = window * window;
        var span = (2 * window) - 1;
        var index = new long[n * n];
        for (var q = 0; q < n; q++)
        {
            for (var k = 0; k < n; k++)
            {
                var dy = (q / window) - (k / window) + window - 1;
                var dx = (q % window) - (k % window) + window - 1;
                index[(q * n) + k] = (dy * span) + dx;
            }
        }
        return tensor(index, [n, n]);
    }

    /// <summary>
    /// [windows, window^2, window^2]: 0 where two tokens of a window of the map rolled by -<paramref name="shift"/> were
    /// neighbours before the roll, -inf where the roll brought them together from opposite edges. On the rolled map the
    /// last <paramref name="window"/> rows split into the rows that were there and the <paramref name="shift"/> rows that
    /// wrapped from the top (likewise columns), so a token's region is the pair of those row and column bands.
    /// </summary>
    public static Tensor ShiftMask(int side, int window, int shift)
    {
        int Band(int i) => i < side - window ? 0 : i < side - shift ? 1 : 2;
        var perSide = side / window;
        var n = window * window;
        var mask = new float[perSide * perSide * n * n];
        for (var wy = 0; wy < perSide; wy++)
        {
            for (var wx = 0; wx < perSide; wx++)
            {
                var offset = ((wy * perSide) + wx) * n * n;
                for (var q = 0; q < n; q++)
                {
                    var region = (3 * Band((wy * window) + (q / window))) + Band((wx * window) + (q % window));
                    for (var k = 0; k < n; k++)
                    {
                        var other = (3 * Band((wy * window) + (k / window))) + Band((wx * window) + (k % window));
                        mask[offset + (q * n) + k] = region == other ? 0 : float.NegativeInfinity;
                    }
                }
            }
        }
        return tensor(mask, [perSide * perSide, n, n]);
    }
}
