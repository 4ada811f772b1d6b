using ClipHost.Modules;
using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Training;

public sealed class ContrastiveLossTests
{
    [Fact]
    public void Symmetric_OrthogonalPairsAtScaleOne_IsLogOfOnePlusEToTheMinusOne()
    {
        using var scope = NewDisposeScope();
        var eye2 = eye(2);
        var loss = ContrastiveLoss.Symmetric(eye2, eye2, tensor(0f)).item<float>();
        Assert.Equal(Math.Log(1 + Math.Exp(-1)), loss, 5);
    }

    [Fact]
    public void Symmetric_AsymmetricCase_MatchesHandComputedValue()
    {
        using var scope = NewDisposeScope();
        // Texts both point along x (after normalisation); scale exp(ln 2) = 2, so logits = [[2, 2], [0, 0]].
        var image = tensor(new float[] { 3, 0, 0, 5 }, [2, 2]);
        var text = tensor(new float[] { 1, 0, 4, 0 }, [2, 2]);
        var loss = ContrastiveLoss.Symmetric(image, text, tensor((float)Math.Log(2))).item<float>();

        var imageToText = (Math.Log(2) + Math.Log(2)) / 2;
        var textToImage = (Math.Log(1 + Math.Exp(-2)) + Math.Log(1 + Math.Exp(2))) / 2;
        Assert.Equal((imageToText + textToImage) / 2, loss, 5);
    }

    [Fact]
    public void Symmetric_GradientReachesBothTowersAndTheScale()
    {
        using var scope = NewDisposeScope();
        var image = randn(4, 8).requires_grad_();
        var text = randn(4, 8).requires_grad_();
        var scale = tensor(2.0f).requires_grad_();
        ContrastiveLoss.Symmetric(image, text, scale).backward();
        Assert.True(image.grad!.abs().sum().item<float>() > 0);
        Assert.True(text.grad!.abs().sum().item<float>() > 0);
        Assert.NotEqual(0f, scale.grad!.item<float>());
    }
}
