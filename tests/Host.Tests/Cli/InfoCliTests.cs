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
