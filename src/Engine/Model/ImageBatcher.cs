using ClipHost.Abstractions.DataFilters;
using ClipHost.Engine.Data.Store;
using static TorchSharp.torch;

namespace ClipHost.Engine.Model;

/// <summary>
/// Turns store ids into model input: the stored uint8 pixels copied out of the memory map (no decoding), resized
/// on the tensor side when the model's image size differs from the store's, and normalised with CLIP's mean/std.
/// </summary>
public sealed class ImageBatcher(IDatasetView store, int imageSize, Device device) : IDisposable
{
    private readonly Tensor _mean = tensor(ClipModelConfig.Mean, [1, 3, 1, 1], device: device);
    private readonly Tensor _std = tensor(ClipModelConfig.Std, [1, 3, 1, 1], device: device);
    private readonly int _bytesPerImage = store.Resolution * store.Resolution * 3;

    /// <summary>Raw pixels, uint8 [B, R, R, 3] at the store's resolution.</summary>
    public Tensor Raw(IReadOnlyList<int> ids) => Raw(Pixels(ids), ids.Count);

    /// <summary>The pixels of <paramref name="ids"/>, packed [B, R, R, 3]: managed memory only, so any thread may read them.</summary>
    public byte[] Pixels(IReadOnlyList<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var buffer = new byte[ids.Count * _bytesPerImage];
        for (var i = 0; i < ids.Count; i++)
        {
            var destination = buffer.AsSpan(i * _bytesPerImage, _bytesPerImage);
            // A store copies straight out of its memory map; other views (filters' test doubles, subsets) through GetPixels.
            if (store is ClipStore clip)
            {
                clip.ReadPixels(ids[i], destination);
            }
            else
            {
                store.GetPixels(ids[i]).Span.CopyTo(destination);
            }
        }
        return buffer;
    }

    /// <summary>Packed pixels of <paramref name="count"/> images as a uint8 tensor [B, R, R, 3] on the device.</summary>
    public Tensor Raw(byte[] pixels, int count) => tensor(pixels, [count, store.Resolution, store.Resolution, 3], device: device);

    /// <summary>Model input, float32 [B, 3, S, S], normalised.</summary>
    public Tensor Normalised(Tensor raw)
    {
        using var scope = NewDisposeScope();
        using var byteRange = 255f.ToScalar();
        var x = raw.permute(0, 3, 1, 2).to_type(ScalarType.Float32).div_(byteRange);
        if (raw.shape[1] != imageSize)
        {
            // Area averaging for downscaling is exact for integer factors; bilinear when enlarging.
            x = raw.shape[1] > imageSize
                ? nn.functional.interpolate(x, [imageSize, imageSize], mode: InterpolationMode.Area)
                : nn.functional.interpolate(x, [imageSize, imageSize], mode: InterpolationMode.Bilinear, align_corners: false);
        }
        return scope.MoveToOuter((x - _mean) / _std);
    }

    public void Dispose()
    {
        _mean.Dispose();
        _std.Dispose();
    }
}
