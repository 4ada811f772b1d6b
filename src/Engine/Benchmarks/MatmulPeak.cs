using System.Diagnostics;
using ClipHost.Engine.Hardware;
using static TorchSharp.torch;

namespace ClipHost.Engine.Benchmarks;

/// <summary>The fp32 matmul rate LibTorch reaches on this machine, measured in the same process as the training.</summary>
public static class MatmulPeak
{
    /// <summary>
    /// The side of the square matmul to time: 2048, except bf16 on a CPU without native bf16, where LibTorch's fallback
    /// runs at well under 1 GFLOP/s and one 2048^3 product would take minutes; 512^3 says the same in seconds.
    /// </summary>
    public static int SizeFor(Device device, ScalarType dtype) =>
        dtype == ScalarType.BFloat16 && device?.type == DeviceType.CPU && !CpuInfo.Detect().HasNativeBf16 ? 512 : 2048;

    public static double Measure(Device device, int size = 2048, int repeats = 7, ScalarType dtype = ScalarType.Float32)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var a = randn(size, size, device: device).to_type(dtype);
        var b = randn(size, size, device: device).to_type(dtype);
        a.matmul(b).Dispose();
        var rates = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            using var c = a.matmul(b);
            c.sum().to_type(ScalarType.Float32).item<float>();
            rates.Add(2.0 * size * size * size / clock.Elapsed.TotalSeconds / 1e9);
        }
        return Median(rates);
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
