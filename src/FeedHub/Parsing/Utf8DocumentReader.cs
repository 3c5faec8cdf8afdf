using System.Text;
using System.Text.Unicode;

namespace FeedHub.Parsing;

/// <summary>
/// Hands an XML reader the characters of a UTF-8 document straight from its bytes, and proves the bytes are UTF-8
/// on the way: the first invalid sequence throws <see cref="DecoderFallbackException"/>, so a document that only
/// claims UTF-8 is read again the careful way instead of being scanned beforehand.
/// </summary>
internal sealed class Utf8DocumentReader(byte[] body, int start) : TextReader
{
    private int _position = start;

    public override int Peek() => throw new NotSupportedException();

    public override int Read() => throw new NotSupportedException();

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (_position >= body.Length || buffer.IsEmpty)
        {
            return 0;
        }

        var status = Utf8.ToUtf16(body.AsSpan(_position), buffer, out var read, out var written, replaceInvalidSequences: false, isFinalBlock: true);
        if (status == System.Buffers.OperationStatus.InvalidData && written == 0)
        {
            throw new DecoderFallbackException($"invalid UTF-8 at byte {_position + read}");
        }

        // DestinationTooSmall: the rest comes on the next call. InvalidData after some text: that text first, the
        // error on the next call, where nothing precedes it.
        _position += read;
        return written;
    }
}
