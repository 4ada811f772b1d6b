using static TorchSharp.torch;

namespace ClipHost.Engine.Tests.Torch;

/// <summary>LibTorch loads in the test process: the build's libstdc++ fix works on this machine.</summary>
public sealed class TorchRuntimeTests
{
    [Fact]
    public void MatmulAndBackward_RunThroughLibTorch()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new float[] { 1, 2, 3, 4 }, [2, 2]).requires_grad_();
        var b = tensor(new float[] { 5, 6, 7, 8 }, [2, 2]);
        var loss = a.matmul(b).sum();
        loss.backward();

        // A B = [[19, 22], [43, 50]].
        Assert.Equal(134f, loss.item<float>());
        // d(sum(A B))/dA = 1 B^T: each row of the gradient is the row sums of B.
        Assert.Equal(new float[] { 11, 15, 11, 15 }, a.grad!.data<float>().ToArray());
    }
}
