package org.partnergraph.document;

/** An API type whose facts cite source documents; its {@code sources} field resolves in one batch. */
public interface Sourced {

    Provenance provenance();
}
