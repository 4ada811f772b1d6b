using Microsoft.Extensions.Logging;

namespace ClipHost.Engine.Evaluation;

/// <summary>Source-generated log messages of evaluation.</summary>
internal static partial class EvaluationLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Evaluation {Evaluation}: {Rate:P1} of its {Words} words are outside the tokenizer's vocabulary and reach the model as UNK: {Unknown}")]
    public static partial void UnknownWords(this ILogger logger, string evaluation, double rate, int words, string unknown);
}
