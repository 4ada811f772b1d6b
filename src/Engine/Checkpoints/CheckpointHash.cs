using System.Security.Cryptography;

namespace ClipHost.Engine.Checkpoints;

/// <summary>
/// A checkpoint's identity for caches keyed by content: SHA-256 over the weights, the model config and the tokenizer, so
/// the key changes whenever anything computed from the checkpoint could, and two copies of one checkpoint agree on it.
/// </summary>
public static class CheckpointHash
{
    public static string Of(string checkpoint)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in new[] { CheckpointStore.Weights, CheckpointStore.ModelConfig, CheckpointStore.Tokenizer })
        {
            using var stream = File.OpenRead(Path.Combine(checkpoint, file));
            hash.AppendData(SHA256.HashData(stream));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }
}
