namespace ClipHost.Host.Tests.Cli;

/// <summary>
/// `clip-host search`: a trained run searches the colours store by caption, by image file and by sample; the second
/// search of the same checkpoint encodes nothing (the evaluations' feature cache); bad requests are refused naming the field.
/// </summary>
public sealed class SearchCliTests
{
    [Fact]
    public async Task CaptionImageAndSampleQueries_ListTheNearest_FromTheCache_AndBadRequestsAreRefused()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        var trained = await ClipHostProcess.RunAsync(["train", "--config", dir.Write("tiny.json", ColoursData.Tiny("tiny", epochs: 1, evaluate: false))], env);
        Assert.True(trained.ExitCode == 0, trained.All);

        var byCaption = await ClipHostProcess.RunAsync(["search", "--run", "tiny", "--store", "colours", "--text", "a red square", "--k", "3"], env);

        Assert.True(byCaption.ExitCode == 0, byCaption.All);
        Assert.Contains("caption \"a red square\": 64 samples of colours", byCaption.Stdout, StringComparison.Ordinal);
        Assert.Contains("; 64 images encoded", byCaption.Stdout, StringComparison.Ordinal);
        // Three image hits and three caption hits, best first: "  1. 0.9876  #12 key  caption".
        var hits = byCaption.Stdout.Split('\n').Where(l => l.StartsWith("    ", StringComparison.Ordinal) && l.Contains(". ", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, hits.Count);
        var scores = hits.Take(3).Select(l => double.Parse(l.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(scores.OrderDescending(), scores);

        var byImage = await ClipHostProcess.RunAsync(["search", "--run", "tiny", "--store", "colours", "--image", dir.Combine("in", "red", "000.png"), "--k", "2"], env);

        Assert.True(byImage.ExitCode == 0, byImage.All);
        Assert.Contains("a dropped image", byImage.Stdout, StringComparison.Ordinal);
        Assert.Contains("; 0 images encoded", byImage.Stdout, StringComparison.Ordinal);

        var bySample = await ClipHostProcess.RunAsync(["search", "--run", "tiny", "--store", "colours", "--sample", "0", "--k", "1"], env);

        Assert.True(bySample.ExitCode == 0, bySample.All);
        // A sample's own image is its nearest image (cosine 1 with itself).
        Assert.Contains("  1. 1.0000  #0 ", bySample.Stdout, StringComparison.Ordinal);

        dir.Write("broken.png", "not an image"u8.ToArray());
        var notTest = File.ReadLines(dir.Combine("data", "stores", "colours", "samples.jsonl"))
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .First(s => s.GetProperty("split").GetString() != "test").GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (args, field) in new[]
        {
            (new[] { "--run", "no-such-run", "--store", "colours", "--text", "a" }, "run:"),
            (["--run", "tiny", "--store", "no-such-store", "--text", "a"], "store:"),
            (["--run", "tiny", "--store", "../colours", "--text", "a"], "store:"),
            (["--run", "tiny", "--store", "colours", "--split", "holdout", "--text", "a"], "split:"),
            (["--run", "tiny", "--store", "colours", "--text", "a", "--k", "0"], "k:"),
            (["--run", "tiny", "--store", "colours", "--text", "a", "--sample", "1"], "q:"),
            (["--run", "tiny", "--store", "colours", "--sample", "64"], "sample:"),
            (["--run", "tiny", "--store", "colours", "--split", "test", "--sample", notTest], "sample:"),
            (["--run", "tiny", "--store", "colours", "--image", dir.Combine("broken.png")], "image:"),
        })
        {
            var refused = await ClipHostProcess.RunAsync(["search", .. args], env);
            Assert.True(refused.ExitCode != 0, refused.All);
            Assert.Contains(field, refused.Stderr, StringComparison.Ordinal);
        }
    }
}
