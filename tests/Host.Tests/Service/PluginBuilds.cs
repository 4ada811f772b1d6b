using System.Diagnostics;

namespace ClipHost.Host.Tests.Service;

/// <summary>
/// Plugins built the way a user builds one, outside the solution with `dotnet build`, against the built clip-host:
/// the strategy sample at two versions, a copy that claims the same id, the architecture sample, one that throws when loaded, and ones built
/// against another major version of ClipHost.Abstractions and of ClipHost.Modules. Built once per test run.
/// </summary>
public static class PluginBuilds
{
    private static readonly Lazy<Task<string>> Root = new(BuildAllAsync);

    public static Task<string> OutputAsync() => Root.Value;

    /// <summary>Copies a built plugin into a plugins directory as &lt;dir&gt;/&lt;name&gt;/ (overwriting an older version in place).</summary>
    public static async Task InstallAsync(string build, string pluginsDir, string name)
    {
        var source = Path.Combine(await OutputAsync(), build);
        var target = Path.Combine(pluginsDir, name);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }
    }

    private static async Task<string> BuildAllAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "cliphost-plugin-builds", Guid.NewGuid().ToString("N"));
        var hostDir = Path.GetDirectoryName(ClipHostProcess.Dll)! + "/";
        var sample = Path.Combine(RunningHost.RepoRoot, "samples", "plugins", "LabelSmoothedClip", "LabelSmoothedClip.csproj");
        var broken = Path.Combine(RunningHost.RepoRoot, "tests", "TestPlugins", "BrokenPlugin", "BrokenPlugin.csproj");
        await BuildAsync(sample, Path.Combine(root, "v1"), hostDir, "-p:PluginVersion=1.0.0");
        await BuildAsync(sample, Path.Combine(root, "v2"), hostDir, "-p:PluginVersion=2.0.0");
        await BuildAsync(sample, Path.Combine(root, "copy"), hostDir, "-p:PluginVersion=1.0.0", "-p:AssemblyName=LabelSmoothedClipCopy");
        await BuildAsync(broken, Path.Combine(root, "broken"), hostDir);
        await BuildAsync(Path.Combine(RunningHost.RepoRoot, "samples", "plugins", "PlainCnn", "PlainCnn.csproj"), Path.Combine(root, "plain-cnn"), hostDir);

        // A plugin built against a future major version of the ABI: Abstractions 9.0.0 built aside, then the sample against it.
        var futureHost = Path.Combine(root, "future-host") + "/";
        var abstractions = Path.Combine(RunningHost.RepoRoot, "src", "Abstractions", "ClipHost.Abstractions.csproj");
        await BuildAsync(abstractions, futureHost, hostDir, "-p:Version=9.0.0", $"-p:IntermediateOutputPath={Path.Combine(root, "future-obj")}/");
        File.Copy(Path.Combine(hostDir, "ClipHost.Modules.dll"), Path.Combine(futureHost, "ClipHost.Modules.dll"));
        await BuildAsync(sample, Path.Combine(root, "future"), futureHost, "-p:AssemblyName=FutureAbi");

        // And one built against a future major version of ClipHost.Modules, the other assembly plugins share with the host.
        var futureModulesHost = Path.Combine(root, "future-modules-host") + "/";
        var modules = Path.Combine(RunningHost.RepoRoot, "src", "Modules", "ClipHost.Modules.csproj");
        await BuildAsync(modules, futureModulesHost, hostDir, "-p:Version=9.0.0", $"-p:IntermediateOutputPath={Path.Combine(root, "future-modules-obj")}/");
        File.Copy(Path.Combine(hostDir, "ClipHost.Abstractions.dll"), Path.Combine(futureModulesHost, "ClipHost.Abstractions.dll"));
        var modulesPlugin = Path.Combine(RunningHost.RepoRoot, "tests", "TestPlugins", "ModulesPlugin", "ModulesPlugin.csproj");
        await BuildAsync(modulesPlugin, Path.Combine(root, "future-modules"), futureModulesHost, "-p:AssemblyName=FutureModules");
        return root;
    }

    private static async Task BuildAsync(string project, string output, string hostDir, params string[] properties)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["build", project, "-c", "Debug", "-nologo", "-v", "quiet", "-o", output, $"-p:ClipHostDir={hostDir}", .. properties])
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"building {project} failed:\n{await stdout}\n{await stderr}");
        }
    }
}
