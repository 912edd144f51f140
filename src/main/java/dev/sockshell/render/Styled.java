package dev.sockshell.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A line of output as spans of text, each with a {@link Style}. Immutable. */
public final class Styled {
  /** One run of text in one style. */
  public record Span(Style style, String text) {}

  private final List<Span> spans;

  /** {@code spans} is kept as it is: an immutable list, or one no one else holds. */
  private Styled(List<Span> spans) {
    this.spans = spans;
  }

  public static Styled of(Style style, String text) {
    return new Styled(List.of(new Span(style, text)));
  }

  /**
   * A line of two spans, or three: what a script prints for every command (its echo, its value),
   * made without a builder. Spans of empty text are kept, so give none.
   */
  public static Styled of(Span first, Span second) {
    return new Styled(List.of(first, second));
  }

  public static Styled of(Span first, Span second, Span third) {
    return new Styled(List.of(first, second, third));
  }

  public static Styled plain(String text) {
    return of(Style.PLAIN, text);
  }

  public static Builder builder() {
    return new Builder();
  }

  public List<Span> spans() {
    return spans;
  }

  /** The text without styles. */
  public String text() {
    if (spans.size() == 1) {
      return spans.get(0).text();
    }
    StringBuilder sb = new StringBuilder();
    for (Span s : spans) {
      sb.append(s.text());
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return text();
  }

  /** Collects spans. */
  public static final class Builder {
    /**
     * Most lines have two to four spans: not ArrayList's ten. Handed to the line {@link #build}
     * makes, without a copy (a script builds two lines per command); a span added after that starts
     * a copy of its own.
     */
    private List<Span> spans = new ArrayList<>(4);

    private boolean built;

    public Builder add(Style style, String text) {
      if (!text.isEmpty()) {
        spans().add(new Span(style, text));
      }
      return this;
    }

    private List<Span> spans() {
      if (built) {
        spans = new ArrayList<>(spans);
        built = false;
      }
      return spans;
    }

    public Builder plain(String text) {
      return add(Style.PLAIN, text);
    }

    public Builder add(Styled other) {
      spans().addAll(other.spans);
      return this;
    }

    public Styled build() {
      built = true;
      return new Styled(Collections.unmodifiableList(spans));
    }
  }
}
