package org.partnergraph.search;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnergraph.common.BadUserInputException;

@ApplicationScoped
public class SearchService {

    static final int MAX_FIRST = 50;
    static final int MAX_TEXT_LENGTH = 100;

    private final SearchRepository repository;

    SearchService(SearchRepository repository) {
        this.repository = repository;
    }

    public List<SearchHit> search(String text, int first) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new BadUserInputException("text: must not be blank.");
        }
        if (trimmed.length() > MAX_TEXT_LENGTH) {
            throw new BadUserInputException("text: at most " + MAX_TEXT_LENGTH + " characters.");
        }
        if (first < 1 || first > MAX_FIRST) {
            throw new BadUserInputException("first: must be between 1 and " + MAX_FIRST + ".");
        }
        return repository.search(trimmed, first);
    }
}
