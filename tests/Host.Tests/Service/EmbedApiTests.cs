using System.Net;

namespace ClipHost.Host.Tests.Service;

/// <summary>
/// POST /api/runs/{id}/embed: texts and base64 images of a trained run come back as unit-length embeddings, an image
/// that does not decode listed as skipped; bad bodies are refused naming the field, an unknown run is 404.
/// </summary>
public sealed class EmbedApiTests
{
    [Fact]
    public async Task TextsAndImages_ComeBackEmbedded_AndBadBodiesAreRefused()
    {
        using var dir = new TempDir();
        var env = await ColoursData.PrepareAsync(dir);
        var trained = await ClipHostProcess.RunAsync(["train", "--config", dir.Write("tiny.json", ColoursData.Tiny("tiny", epochs: 1, evaluate: false))], env);
        Assert.True(trained.ExitCode == 0, trained.All);
        await using var host = await RunningHost.StartAsync(env);
        var red = Convert.ToBase64String(File.ReadAllBytes(dir.Combine("in", "red", "000.png")));
        var broken = Convert.ToBase64String("not an image"u8.ToArray());

        var (status, texts) = await host.PostJsonAsync("/api/runs/tiny/embed", """{ "texts": ["a red square", "a blue square"] }""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(16, texts.GetProperty("dimension").GetInt32());
        var rows = texts.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["a red square", "a blue square"], rows.Select(r => r.GetProperty("name").GetString()));
        foreach (var row in rows)
        {
            var norm = Math.Sqrt(row.GetProperty("embedding").EnumerateArray().Sum(v => v.GetDouble() * v.GetDouble()));
            Assert.Equal(1.0, norm, 4);
        }

        var (imageStatus, images) = await host.PostJsonAsync("/api/runs/tiny/embed", $$"""{ "images": ["{{red}}", "{{broken}}", "{{red}}"] }""");

        Assert.Equal(HttpStatusCode.OK, imageStatus);
        var imageRows = images.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["0", "2"], imageRows.Select(r => r.GetProperty("name").GetString()));
        // The same image twice: the same row, up to the rounding its place in the batch brings (LibTorch's kernels sum by blocks).
        var first = imageRows[0].GetProperty("embedding").EnumerateArray().Select(v => v.GetDouble()).ToList();
        var second = imageRows[1].GetProperty("embedding").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.True(first.Zip(second).All(p => Math.Abs(p.First - p.Second) < 1e-5), "the same image embedded differently");
        Assert.Equal("1", Assert.Single(images.GetProperty("skipped").EnumerateArray()).GetProperty("name").GetString());

        foreach (var (body, field) in new[]
        {
            ("""{ "images": ["%%% not base64"] }""", "images[0]"),
            ("""{ }""", "images"),
            ("""{ "texts": ["a"], "images": ["AAAA"] }""", "images"),
            ("""{ "texts": [] }""", "texts"),
            ("""{ "texts": ["a"], "step": 999 }""", "step"),
        })
        {
            var (refused, error) = await host.PostJsonAsync("/api/runs/tiny/embed", body);
            Assert.Equal(HttpStatusCode.BadRequest, refused);
            Assert.Contains(field, error.GetRawText(), StringComparison.Ordinal);
        }
        var (missing, _) = await host.PostJsonAsync("/api/runs/no-such-run/embed", """{ "texts": ["a"] }""");
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }
}
