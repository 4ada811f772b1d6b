namespace ClipHost.Host.Tests.Cli;

public sealed class InfoCliTests
{
    [Fact]
    public async Task Info_LoadsLibTorchInTheBuiltHost_AndRunsOnTheConfiguredDevice()
    {
        var result = await ClipHostProcess.RunAsync(["info"], new Dictionary<string, string> { ["CLIPHOST_Torch__Device"] = "cpu" });

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("device:          cpu", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("2x2 matmul = 8", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_NamesTheCpu_AndChoosesThreadsForTheCoresThisProcessMayUse()
    {
        // Threads 0 is the product's default (the tests' hosts otherwise get one): the cores decide.
        var result = await ClipHostProcess.RunAsync(["info"], new Dictionary<string, string> { ["CLIPHOST_Torch__Device"] = "cpu", ["DOTNET_PROCESSOR_COUNT"] = "1", ["CLIPHOST_Torch__Threads"] = "0" });

        Assert.True(result.ExitCode == 0, result.All);
        var model = File.ReadLines("/proc/cpuinfo").First(l => l.StartsWith("model name", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        Assert.Contains($"cpu:             {model}", result.Stdout, StringComparison.Ordinal);
        // .NET's core count (here limited as a container quota would) decides, not LibTorch's count of the machine's cores.
        Assert.Contains("threads:         1 intra-op, 1 inter-op (1 cores available to this process)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchEval_ReportsEmbeddingsPerSecond_AndTheProbe_OnTheNamedCpu()
    {
        var result = await ClipHostProcess.RunAsync(
            ["bench", "--eval", "--steps", "2", "--warmup", "1", "--architecture", "vit", "--options", """{"preset": "mini"}""", "--image-size", "32"],
            new Dictionary<string, string> { ["CLIPHOST_Torch__Device"] = "cpu" });

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("cpu:  ", result.Stdout, StringComparison.Ordinal);
        var rates = result.Stdout.Split('\n').Single(l => l.TrimStart().StartsWith("fp32", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(double.Parse(rates[2].TrimEnd('/', 's'), System.Globalization.CultureInfo.InvariantCulture) > 0, result.Stdout);
        Assert.True(double.Parse(rates[4].TrimEnd('/', 's'), System.Globalization.CultureInfo.InvariantCulture) > 0, result.Stdout);
        Assert.Contains("one L-BFGS fit", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_WithCudaOnAMachineWithout_IsRefusedNamingTheSetting()
    {
        var result = await ClipHostProcess.RunAsync(["info"], new Dictionary<string, string> { ["CLIPHOST_Torch__Device"] = "cuda:0" });

        if (result.ExitCode == 0)
        {
            // A machine with a GPU and the CUDA build: the device must then be the one asked for.
            Assert.Contains("device:          cuda", result.Stdout, StringComparison.Ordinal);
            return;
        }
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Torch.Device", result.Stderr, StringComparison.Ordinal);
    }
}
