using System.CommandLine;
using ClipHost.Host.Options;
using ClipHost.Host.Torch;
using Microsoft.Extensions.Options;
using TorchSharp;

namespace ClipHost.Host.Cli;

/// <summary>`clip-host info`: what this installation runs on: LibTorch, device, threads, data root.</summary>
public static class InfoCommand
{
    public static RootCommand AddInfoCommand(this RootCommand root)
    {
        var command = new Command("info", "Show the LibTorch build, the device in use, threads and where data lives");
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, b => b.AddTraining(), (host, ct) =>
        {
            var runtime = host.Services.GetRequiredService<TorchRuntime>();
            var data = host.Services.GetRequiredService<IOptions<DataOptions>>().Value;
            Console.WriteLine($"torch backend:   {TorchRuntime.TorchBackend} (LibTorch {torch.__version__})");
            Console.WriteLine($"device:          {runtime.Device} (CUDA available: {torch.cuda.is_available()})");
            Console.WriteLine($"cpu:             {ClipHost.Engine.Hardware.CpuInfo.Detect()}");
            Console.WriteLine($"threads:         {torch.get_num_threads()} intra-op, {torch.get_num_interop_threads()} inter-op ({Environment.ProcessorCount} cores available to this process)");
            Console.WriteLine($"data root:       {Path.GetFullPath(data.Root)}");
            using var check = torch.ones(2, 2, device: runtime.Device).matmul(torch.ones(2, 2, device: runtime.Device));
            Console.WriteLine($"self-test:       2x2 matmul = {check.sum().item<float>()} (expected 8)");
            var catalog = host.Services.GetRequiredService<ClipHost.Host.Plugins.PluginCatalog>();
            Console.WriteLine($"plugins:         {host.Services.GetRequiredService<IOptions<PluginOptions>>().Value.FullPath}");
            foreach (var plugin in catalog.Status)
            {
                Console.WriteLine(plugin.Loaded
                    ? $"  {plugin.Name}: {string.Join(", ", plugin.Components)}"
                    : $"  {plugin.Name}: FAILED: {plugin.Error}");
            }
            return Task.FromResult(0);
        }, ct));
        root.Subcommands.Add(command);
        return root;
    }
}
