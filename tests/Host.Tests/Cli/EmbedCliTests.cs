using System.Diagnostics;
using System.Text.Json;

namespace ClipHost.Host.Tests.Cli;

/// <summary>
/// `clip-host embed`: a trained run embeds a folder of images into an .npy that NumPy reads (an undecodable file skipped
/// and named) and a file of captions into a safetensors file; bad requests are refused naming the field, writing nothing.
/// </summary>
public sealed class EmbedCliTests
{
    [Fact]
    public async Task ImagesAndTexts_AreEmbeddedIntoFilesOtherToolsRead_AndBadRequestsAreRefused()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        var trained = await ClipHostProcess.RunAsync(["train", "--config", dir.Write("tiny.json", ColoursData.Tiny("tiny", epochs: 1, evaluate: false))], env);
        Assert.True(trained.ExitCode == 0, trained.All);
        var images = dir.Combine("in", "red");
        dir.Write("in/red/zz-broken.png", "not an image"u8.ToArray());
        var texts = dir.Write("captions.txt", "a red square\n\na blue square\n");
        Directory.CreateDirectory(dir.Combine("out"));

        var embedded = await ClipHostProcess.RunAsync(["embed", "--run", "tiny", "--images", images, "--out", dir.Combine("out", "red.npy")], env);

        Assert.True(embedded.ExitCode == 0, embedded.All);
        Assert.Contains("skipped zz-broken.png:", embedded.Stderr, StringComparison.Ordinal);
        var pngs = Directory.GetFiles(images, "*.png").Select(Path.GetFileName).Where(n => n != "zz-broken.png").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(pngs, File.ReadAllLines(dir.Combine("out", "red.npy.names.txt")));
        var (exit, numpy) = Python($"import numpy as n; a = n.load('{dir.Combine("out", "red.npy")}'); print(a.shape[0], a.shape[1], a.dtype, round(float(abs(n.linalg.norm(a, axis=1) - 1).max()), 5), round(float(abs(a - a[0]).max()), 6))");
        Assert.True(exit == 0, numpy);
        // Every red square is the same image: the same unit-length row.
        Assert.Equal($"{pngs.Count} 16 float32 0.0 0.0", numpy.Trim());

        var captions = await ClipHostProcess.RunAsync(["embed", "--run", "tiny", "--texts", texts, "--out", dir.Combine("out", "captions.safetensors")], env);

        Assert.True(captions.ExitCode == 0, captions.All);
        // The safetensors header, read here as the format defines it: a little-endian u64 length, then JSON.
        var bytes = File.ReadAllBytes(dir.Combine("out", "captions.safetensors"));
        var header = JsonDocument.Parse(bytes.AsMemory(8, (int)BitConverter.ToUInt64(bytes, 0))).RootElement;
        Assert.Equal([2, 16], header.GetProperty("embeddings").GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()));
        Assert.Equal("F32", header.GetProperty("embeddings").GetProperty("dtype").GetString());
        Assert.Equal(["a red square", "a blue square"], JsonSerializer.Deserialize<string[]>(header.GetProperty("__metadata__").GetProperty("names").GetString()!)!);

        foreach (var (args, field) in new[]
        {
            (new[] { "embed", "--run", "no-such-run", "--texts", texts, "--out", dir.Combine("out", "a.npy") }, "run"),
            (new[] { "embed", "--run", "tiny", "--texts", texts, "--images", images, "--out", dir.Combine("out", "b.npy") }, "images"),
            (new[] { "embed", "--run", "tiny", "--images", dir.Combine("out"), "--out", dir.Combine("out", "c.npy") }, "images"),
            (new[] { "embed", "--run", "tiny", "--texts", dir.Combine("missing.txt"), "--out", dir.Combine("out", "d.npy") }, "texts"),
            (new[] { "embed", "--run", "tiny", "--texts", texts, "--out", dir.Combine("out", "red.npy") }, "out"),
            (new[] { "embed", "--run", "tiny", "--texts", texts, "--out", dir.Combine("out", "e.csv") }, "out"),
        })
        {
            var refused = await ClipHostProcess.RunAsync(args, env);
            Assert.True(refused.ExitCode == 2, refused.All);
            Assert.Contains($"config error: {field}:", refused.Stderr, StringComparison.Ordinal);
        }
        Assert.Equal(["captions.safetensors", "red.npy", "red.npy.names.txt"], Directory.GetFiles(dir.Combine("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private static (int Exit, string Output) Python(string code)
    {
        // Debian's interpreter and its NumPy (python3-numpy, with python3-torch): a reader that is not ClipHost's.
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(code);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr);
    }
}
