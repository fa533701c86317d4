using System.Text;

namespace HosVessel.Web.Vessels;

/// <summary>
/// An import file as it is read: refused the moment it passes its byte limit or stops being UTF-8 (a
/// <see cref="DecoderFallbackException"/>), without holding more of it than the reader asks for. <see cref="Rewind"/>
/// replays what was read so far once, so the format can be sniffed from a stream that cannot seek.
/// </summary>
internal sealed class CheckedUtf8Stream(Stream inner, long? maxBytes) : Stream
{
    private readonly Decoder decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private readonly MemoryStream sniffed = new();
    private char[] decoded = [];
    private bool replaying;
    private long total;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Reads start again from the first byte; allowed once, before anything else is read.</summary>
    public void Rewind()
    {
        sniffed.Position = 0;
        replaying = true;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (replaying && sniffed.Position < sniffed.Length)
        {
            return sniffed.Read(buffer);
        }
        return Checked(buffer, inner.Read(buffer));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (replaying && sniffed.Position < sniffed.Length)
        {
            return sniffed.Read(buffer.Span);
        }
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Checked(buffer.Span, read);
    }

    private int Checked(Span<byte> buffer, int read)
    {
        total += read;
        if (total > maxBytes)
        {
            throw new ImportFormatException($"파일이 너무 큽니다. {maxBytes / 1024 / 1024}MB 이하만 가져올 수 있습니다.");
        }
        // Decoding throws at an invalid byte, or at a sequence cut off by the end of the file; one cut off by the end
        // of this read is kept by the decoder for the next (GetCharCount would not keep it).
        if (decoded.Length < read)
        {
            decoded = new char[Math.Max(read, 4096)];
        }
        decoder.GetChars(buffer[..read], decoded, flush: read == 0 && buffer.Length > 0);
        if (!replaying)
        {
            sniffed.Write(buffer[..read]);
        }
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
